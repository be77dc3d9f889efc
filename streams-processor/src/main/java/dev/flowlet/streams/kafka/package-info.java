/** Kafka wiring of the streams processor: topics and the health of the Streams client. */
package dev.flowlet.streams.kafka;
