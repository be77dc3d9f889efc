package dev.flowlet.streams;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The streams processor: rules, decisions, alerts, audit events, and the Elasticsearch sink. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StreamsProcessorApplication {

  public static void main(String[] args) {
    SpringApplication.run(StreamsProcessorApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
