package dev.flowlet.events;

import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic together with the serdes of its keys and values, declared once here so that every
 * producer and consumer agrees on them.
 *
 * @param name the topic name, {@code flowlet.<noun>.v<N>}
 * @param keySerde serde of the record keys
 * @param valueSerde serde of the record values
 * @param partitions partitions to create the topic with
 * @param compacted whether the topic keeps only the latest value per key
 */
public record Topic<K, V>(
    String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions, boolean compacted) {}
