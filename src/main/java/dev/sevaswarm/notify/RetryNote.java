package dev.sevaswarm.notify;

import dev.sevaswarm.cases.CaseClock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * What the thread says about a failed delivery attempt: which attempt it was, and when the next
 * comes ({@code swarm.delivery.retry-cycle}), or that this was the last and an incident now waits
 * for an operator.
 */
final class RetryNote {

  private static final Pattern REPEATING = Pattern.compile("R(\\d+)/(P.+)");

  private RetryNote() {}

  static String of(String cycle) {
    Matcher repeating = REPEATING.matcher(cycle == null ? "" : cycle.trim());
    Optional<JobEntity> job = currentJob();
    if (!repeating.matches() || job.isEmpty()) {
      return "will be retried";
    }
    int attempts = Integer.parseInt(repeating.group(1));
    boolean firstAttempt = job.get().getExceptionMessage() == null;
    int remaining = firstAttempt ? attempts - 1 : job.get().getRetries() - 1;
    int attempt = attempts - remaining;
    if (remaining <= 0) {
      return "attempt " + Math.max(attempt, attempts) + " of " + attempts
          + ", gave up: an incident waits for an operator's retry in Cockpit";
    }
    try {
      Duration interval = Duration.parse(repeating.group(2));
      return "attempt " + attempt + " of " + attempts + ", next attempt at "
          + CaseClock.format(CaseClock.now().plus(interval));
    } catch (DateTimeParseException calendarPeriod) {
      return "attempt " + attempt + " of " + attempts + ", next attempt after " + repeating.group(2);
    }
  }

  private static Optional<JobEntity> currentJob() {
    CommandContext command = Context.getCommandContext();
    return Optional.ofNullable(command == null ? null : command.getCurrentJob());
  }
}
