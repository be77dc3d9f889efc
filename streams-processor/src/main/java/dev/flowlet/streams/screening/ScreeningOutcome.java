package dev.flowlet.streams.screening;

import dev.flowlet.events.DeadLetter;

/** What screening one input produced: a decision with what it raises, or a dead letter. */
record ScreeningOutcome(Screening.Screened screened, DeadLetter deadLetter) {

  boolean decided() {
    return screened != null;
  }
}
