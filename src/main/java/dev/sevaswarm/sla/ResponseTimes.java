package dev.sevaswarm.sla;

import java.util.Map;

/** One row of the response-times decision: what the plan promises for a severity. */
public record ResponseTimes(
    boolean supported,
    Integer firstResponseMinutes,
    Integer warningBeforeMinutes,
    Integer updateCadenceMinutes,
    Integer escalationMinutes) {

  public static final ResponseTimes NOT_COVERED = new ResponseTimes(false, null, null, null, null);

  /** Reads the decision's single result, as the business rule task stores it. */
  public static ResponseTimes from(Map<String, ?> result) {
    if (result == null || result.isEmpty()) {
      return NOT_COVERED;
    }
    return new ResponseTimes(
        Boolean.TRUE.equals(result.get("supported")),
        integer(result.get("firstResponseMinutes")),
        integer(result.get("warningBeforeMinutes")),
        integer(result.get("updateCadenceMinutes")),
        integer(result.get("escalationMinutes")));
  }

  private static Integer integer(Object value) {
    return value == null ? null : ((Number) value).intValue();
  }
}
