package dev.flowlet.streams.sink;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** A failed batch is retried with back-off for as long as it takes: the sink never skips. */
@Configuration(proxyBeanMethods = false)
class SinkConfiguration {

  @Bean
  DefaultErrorHandler retryUntilIndexed() {
    ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
    backOff.setMaxInterval(10_000);
    backOff.setMaxElapsedTime(Long.MAX_VALUE);
    return new DefaultErrorHandler(backOff);
  }
}
