package dev.flowlet.streams.screening;

import dev.flowlet.events.DeadLetter;
import dev.flowlet.events.TransactionRecorded;

/** A transaction record that was either read, or could not be and becomes a dead letter. */
record ParsedTransaction(TransactionRecorded transaction, DeadLetter deadLetter) {

  boolean readable() {
    return transaction != null;
  }
}
