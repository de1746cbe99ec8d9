package dev.sevaswarm.cases;

import java.time.OffsetDateTime;

/** What one investigation of an isolation area found. */
public record Finding(String area, Verdict verdict, String finding, String by, OffsetDateTime at) {}
