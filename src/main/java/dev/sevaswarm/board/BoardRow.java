package dev.sevaswarm.board;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One open case on the board.
 *
 * @param deadline the next thing due: the first response until it is given, then the next customer contact
 * @param deadlineLabel what is due
 * @param areas each area under investigation or investigated, with its state or verdict
 */
public record BoardRow(String caseId, String severity, String customer, String title, String owner, String status,
    OffsetDateTime deadline, String deadlineLabel, List<String> areas) {}
