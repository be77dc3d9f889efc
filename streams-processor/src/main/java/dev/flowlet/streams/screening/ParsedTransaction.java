package dev.flowlet.streams.screening;

import dev.flowlet.events.DeadLetter;
import java.util.List;

/** A transaction record that was read into movements to route, or became a dead letter. */
record ParsedTransaction(List<TransactionCheck.Routed> routed, DeadLetter deadLetter) {

  boolean readable() {
    return routed != null;
  }
}
