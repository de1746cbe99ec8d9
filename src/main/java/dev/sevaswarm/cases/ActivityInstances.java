package dev.sevaswarm.cases;

import java.util.Arrays;
import java.util.Optional;
import org.camunda.bpm.engine.runtime.ActivityInstance;

/** Finds where a process instance is, in its tree of activity instances. */
public final class ActivityInstances {

  private ActivityInstances() {}

  public static Optional<ActivityInstance> find(ActivityInstance node, String activityId) {
    if (node == null) {
      return Optional.empty();
    }
    if (activityId.equals(node.getActivityId())) {
      return Optional.of(node);
    }
    return Arrays.stream(node.getChildActivityInstances())
        .map(child -> find(child, activityId))
        .flatMap(Optional::stream)
        .findFirst();
  }
}
