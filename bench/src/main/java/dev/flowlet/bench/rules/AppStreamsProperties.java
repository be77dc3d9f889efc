package dev.flowlet.bench.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The Kafka Streams properties of the streams-processor app, read from its own {@code
 * application.yml} ({@code spring.kafka.streams.properties.*}, placeholders at their defaults), so
 * that the benchmark runs both topologies exactly as the app would run.
 */
final class AppStreamsProperties {

  private AppStreamsProperties() {}

  static Properties load() {
    try {
      List<PropertySource<?>> sources =
          new YamlPropertySourceLoader()
              .load("streams-processor", new ClassPathResource("application.yml"));
      Map<String, String> streams =
          new Binder(
                  ConfigurationPropertySources.from(sources),
                  new PropertySourcesPlaceholdersResolver(sources))
              .bind("spring.kafka.streams.properties", Bindable.mapOf(String.class, String.class))
              .orElseThrow(() -> new IllegalStateException("no spring.kafka.streams.properties"));
      Properties properties = new Properties();
      properties.putAll(streams);
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
