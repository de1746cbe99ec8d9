package dev.sevaswarm.cases;

/** What an investigation of one isolation area concluded. */
public enum Verdict {
  ROOT_CAUSE, RULED_OUT, INCONCLUSIVE
}
