package dev.sevaswarm.board;

import dev.sevaswarm.cases.SupportCase;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * First-response SLA attainment per severity and plan over a period, and the breaches.
 *
 * @param from start of the period (cases opened at or after)
 * @param to end of the period (cases opened before)
 */
public record SlaReport(OffsetDateTime from, OffsetDateTime to, List<Line> lines, List<SupportCase> breaches) {

  /** Attainment of one severity and plan: decided = met + missed; open ones are not yet decided. */
  public record Line(String severity, String plan, int cases, int met, int missed, int undecided) {
    public String attainment() {
      int decided = met + missed;
      return decided == 0 ? "–" : Math.round(100.0 * met / decided) + " %";
    }
  }

  public static SlaReport of(OffsetDateTime from, OffsetDateTime to, List<SupportCase> cases) {
    Map<String, int[]> counts = new TreeMap<>();
    List<SupportCase> breaches = new ArrayList<>();
    for (SupportCase c : cases) {
      int[] count = counts.computeIfAbsent(c.severity() + "|" + c.plan(), key -> new int[4]);
      count[0]++;
      Boolean met = c.slaMet();
      if (met == null) {
        count[3]++;
      } else if (met) {
        count[1]++;
      } else {
        count[2]++;
        breaches.add(c);
      }
    }
    List<Line> lines = new ArrayList<>();
    counts.forEach((key, count) -> {
      String[] parts = key.split("\\|");
      lines.add(new Line(parts[0], parts[1], count[0], count[1], count[2], count[3]));
    });
    breaches.sort(Comparator.comparing(SupportCase::createdAt));
    return new SlaReport(from, to, lines, breaches);
  }
}
