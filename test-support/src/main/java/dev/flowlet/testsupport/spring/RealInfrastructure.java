package dev.flowlet.testsupport.spring;

import dev.flowlet.testsupport.FlowletInfrastructure;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring application context at the shared real servers of {@link
 * FlowletInfrastructure#shared()}: datasource, Kafka bootstrap servers and Elasticsearch URIs are
 * added as the highest-precedence property source, so they win over {@code application.yml} and
 * test properties.
 *
 * <pre>{@code
 * @SpringBootTest
 * @ContextConfiguration(initializers = RealInfrastructure.class)
 * class TransactionApiIntegrationTest { ... }
 * }</pre>
 */
public final class RealInfrastructure
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  /** Name of the property source in the context's environment. */
  public static final String PROPERTY_SOURCE_NAME = "flowletRealInfrastructure";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    Map<String, Object> properties =
        new LinkedHashMap<>(FlowletInfrastructure.shared().springProperties());
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
  }
}
