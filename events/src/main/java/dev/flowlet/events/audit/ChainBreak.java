package dev.flowlet.events.audit;

/**
 * Where a chain first breaks.
 *
 * @param kind what is wrong
 * @param sequence the sequence at which it is wrong (for MISSING: the first absent one)
 * @param eventId the event concerned (for MISSING: the first event after the gap, or null at the
 *     end of the chain)
 * @param detail what a reviewer should look at, without event content
 */
public record ChainBreak(BreakKind kind, long sequence, String eventId, String detail) {}
