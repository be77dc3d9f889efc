/**
 * Fraud and anomaly rules: plain values that say whether they fired and why. No Spring, no Kafka.
 */
package dev.flowlet.streams.rules;
