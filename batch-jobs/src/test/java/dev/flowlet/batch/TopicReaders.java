package dev.flowlet.batch;

import dev.flowlet.events.Topic;
import dev.flowlet.testsupport.FlowletInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads everything a topic of the shared test broker holds right now. */
public final class TopicReaders {

  private TopicReaders() {}

  public static <V> List<V> readAll(Topic<String, V> topic) {
    Properties config = new Properties();
    config.put(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        FlowletInfrastructure.shared().kafkaBootstrapServers());
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<V> values = new ArrayList<>();
    try (var consumer = new KafkaConsumer<String, byte[]>(config)) {
      List<TopicPartition> partitions =
          IntStream.range(0, topic.partitions())
              .mapToObj(p -> new TopicPartition(topic.name(), p))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        for (var record : consumer.poll(Duration.ofMillis(500))) {
          values.add(topic.valueSerde().deserializer().deserialize(record.topic(), record.value()));
        }
      }
    }
    return values;
  }
}
