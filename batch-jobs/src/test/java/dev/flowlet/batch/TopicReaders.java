package dev.flowlet.batch;

import dev.flowlet.events.Topic;
import dev.flowlet.testsupport.FlowletInfrastructure;
import dev.flowlet.testsupport.kafka.TopicContents;
import java.util.List;

/** Reads everything a topic of the shared test broker holds right now. */
public final class TopicReaders {

  private TopicReaders() {}

  public static <V> List<V> readAll(Topic<String, V> topic) {
    return TopicContents.readCommitted(
        FlowletInfrastructure.shared().kafkaBootstrapServers(),
        topic.name(),
        value -> topic.valueSerde().deserializer().deserialize(topic.name(), value));
  }
}
