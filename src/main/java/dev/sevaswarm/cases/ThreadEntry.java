package dev.sevaswarm.cases;

import java.time.OffsetDateTime;

/** One line of a case thread: who said or did what, and when. */
public record ThreadEntry(long id, String caseId, OffsetDateTime at, String actor, ThreadKind kind, String text) {}
