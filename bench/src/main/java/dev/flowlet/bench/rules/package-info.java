/**
 * The rule-engine benchmark: the screening topology against an identity topology on the same
 * transactions, Kafka to Kafka through a real in-process broker.
 */
package dev.flowlet.bench.rules;
