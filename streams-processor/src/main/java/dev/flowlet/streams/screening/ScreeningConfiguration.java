package dev.flowlet.streams.screening;

import dev.flowlet.streams.rules.LargeAmountRule;
import dev.flowlet.streams.rules.RiskScoring;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/** Wires the rules from configuration and adds the screening topology to the Streams app. */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class ScreeningConfiguration {

  @Bean
  Screening screening(ScreeningSettings settings, Clock clock) {
    var large = settings.largeAmount();
    return new Screening(
        new LargeAmountRule(large.threshold(), large.score(), large.severity()),
        new RiskScoring(settings.reviewAt(), settings.holdAt()),
        clock);
  }

  @Bean
  KStream<String, byte[]> screenedTransactions(StreamsBuilder builder, Screening screening) {
    return TransactionScreeningTopology.addTo(builder, screening);
  }
}
