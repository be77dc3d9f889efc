package dev.flowlet.streams.sink;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One document to index.
 *
 * @param index the monthly index it belongs in, e.g. {@code flowlet-audit-2026.11}
 * @param id its document id: the event's own id
 * @param json the event as it travelled on Kafka
 * @param source the record it came from, for dead-lettering
 */
record SinkDocument(String index, String id, byte[] json, ConsumerRecord<String, byte[]> source) {}
