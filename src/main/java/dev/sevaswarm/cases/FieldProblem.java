package dev.sevaswarm.cases;

/** One bad field of a request: its JSON property name and what is wrong with it. */
public record FieldProblem(String field, String message) {}
