package dev.sevaswarm.cases;

public enum SupportPlan {
  BASIC, DEVELOPER, STANDARD, PROFESSIONAL_DIRECT, RAPID_RESPONSE, UNIFIED
}
