package dev.flowlet.streams.audit;

import dev.flowlet.events.AuditEvent;
import dev.flowlet.events.DeadLetter;
import dev.flowlet.events.audit.AuditCheckpoint;

/** What the chainer forwards: a chained event, a checkpoint, or an unreadable record. */
sealed interface ChainOutput {

  record Chained(AuditEvent event) implements ChainOutput {}

  record Checkpointed(AuditCheckpoint checkpoint) implements ChainOutput {}

  record Unreadable(DeadLetter letter) implements ChainOutput {}
}
