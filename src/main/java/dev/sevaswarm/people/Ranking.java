package dev.sevaswarm.people;

import dev.sevaswarm.cases.Verdict;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Who to ask about an area of a case, best first: those on shift now before those who are not,
 * and among them by skill in the area, not already carrying open work, and what they found before
 * on the same services. Every point of the score has a reason a duty manager can read.
 */
public final class Ranking {

  /** Someone who could be asked. */
  public record Candidate(String userId, String name, Profile profile, boolean inAreaGroup, long openTasks,
      List<PastWork> past, int helpful) {}

  /** A finding someone posted before, on a case with these services. */
  public record PastWork(String caseId, Verdict verdict, List<String> services) {}

  /** A ranked suggestion, as {@code GET /api/cases/{caseId}/experts} answers it. */
  public record Expert(String userId, String name, int score, boolean onShift, long openTasks, List<String> reasons) {}

  static final int PER_SKILL_LEVEL = 25;
  static final int IN_AREA_GROUP = 10;
  static final int ON_SHIFT = 40;
  static final int AWAY = -100;
  static final int PER_SHARED_SERVICE = 5;
  static final int PER_ROOT_CAUSE = 15;
  static final int PER_FINDING = 5;
  static final int MOST_FROM_THE_PAST = 30;
  static final int PER_OPEN_TASK = -8;
  static final int PER_HELPFUL = 2;
  static final int MOST_FOR_HELPFUL = 10;
  private static final DateTimeFormatter NEXT = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

  private Ranking() {}

  public static List<Expert> rank(String area, List<String> caseServices, List<Candidate> candidates, ZonedDateTime now) {
    List<Expert> experts = new ArrayList<>();
    for (Candidate candidate : candidates) {
      experts.add(score(area, caseServices, candidate, now));
    }
    // whoever is at work now comes first, however good someone asleep is; then the score
    experts.sort(Comparator.comparing(Expert::onShift).reversed().thenComparing(Comparator.comparingInt(Expert::score)
        .reversed()).thenComparingLong(Expert::openTasks).thenComparing(Expert::userId));
    return experts;
  }

  /** Whether a profile says the person works now (and is not away). */
  public static boolean onShift(Profile profile, ZonedDateTime now) {
    return profile != null && !profile.away() && profile.workingHours().onShift(now, profile.timeZone());
  }

  private static Expert score(String area, List<String> caseServices, Candidate c, ZonedDateTime now) {
    List<String> reasons = new ArrayList<>();
    int score = 0;
    Profile profile = c.profile();
    boolean onShift = onShift(profile, now);
    if (profile == null) {
      reasons.add("no profile: working hours unknown");
    } else if (profile.away()) {
      score += AWAY;
      reasons.add("away");
    } else if (onShift) {
      score += ON_SHIFT;
      reasons.add("on shift (" + profile.timeZone().getId() + ")");
    } else {
      reasons.add("off shift (" + profile.timeZone().getId() + profile.workingHours().nextStart(now, profile.timeZone())
          .map(next -> ", next shift " + NEXT.format(next)).orElse("") + ")");
    }
    int skill = profile == null ? 0 : profile.skill(area);
    if (skill > 0) {
      score += PER_SKILL_LEVEL * skill;
      reasons.add(area + " skill " + skill);
    }
    if (c.inAreaGroup()) {
      score += IN_AREA_GROUP;
      reasons.add("in the " + area + " group");
    }
    if (profile != null) {
      List<String> known = profile.services().stream().filter(caseServices::contains).toList();
      if (!known.isEmpty()) {
        score += PER_SHARED_SERVICE * Math.min(2, known.size());
        reasons.add("knows " + String.join(", ", known));
      }
    }
    int fromThePast = 0;
    for (PastWork work : c.past()) {
      List<String> shared = work.services().stream().filter(caseServices::contains).toList();
      if (shared.isEmpty() || fromThePast >= MOST_FROM_THE_PAST) {
        continue;
      }
      boolean rootCause = work.verdict() == Verdict.ROOT_CAUSE;
      fromThePast += rootCause ? PER_ROOT_CAUSE : PER_FINDING;
      reasons.add((rootCause ? "found the root cause of " : "investigated ") + work.caseId() + " ("
          + String.join(", ", shared) + ")");
    }
    score += Math.min(fromThePast, MOST_FROM_THE_PAST);
    if (c.helpful() > 0) {
      score += Math.min(PER_HELPFUL * c.helpful(), MOST_FOR_HELPFUL);
      reasons.add(c.helpful() + " contribution" + (c.helpful() == 1 ? "" : "s") + " marked helpful");
    }
    if (c.openTasks() > 0) {
      score += PER_OPEN_TASK * (int) Math.min(c.openTasks(), 5);
      reasons.add(c.openTasks() + " open task" + (c.openTasks() == 1 ? "" : "s"));
    }
    return new Expert(c.userId(), c.name(), score, onShift, c.openTasks(), List.copyOf(reasons));
  }
}
