/**
 * The transactional outbox: events are written in the same database transaction as the change they
 * announce, and a relay publishes them to Kafka in order.
 */
package dev.flowlet.api.outbox;
