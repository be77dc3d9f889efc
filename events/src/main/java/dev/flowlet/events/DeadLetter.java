package dev.flowlet.events;

import java.time.Instant;

/**
 * A record that could not be processed, kept with the error so that nothing is dropped silently.
 *
 * @param sourceTopic where the record came from
 * @param partition its partition
 * @param offset its offset
 * @param key its key, as text
 * @param value its raw value, as text (UTF-8, replaced where invalid)
 * @param error what went wrong
 * @param failedAt when it failed
 */
public record DeadLetter(
    String sourceTopic,
    int partition,
    long offset,
    String key,
    String value,
    String error,
    Instant failedAt) {}
