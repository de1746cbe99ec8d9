package dev.sevaswarm.cases;

public enum Severity {
  A, B, C
}
