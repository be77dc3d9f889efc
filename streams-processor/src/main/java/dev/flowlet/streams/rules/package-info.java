/**
 * The rule engine: rule definitions compiled into rules, evaluated against per-account and
 * per-customer history, hits de-duplicated into alerts. Plain Java: no Spring, no Kafka.
 */
package dev.flowlet.streams.rules;
