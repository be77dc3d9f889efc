package dev.flowlet.testsupport;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Where the test servers come from: started by test-support itself ({@code embedded}, the default,
 * needs only a JDK) or as Docker containers ({@code testcontainers}, needs a Docker engine).
 */
enum FlowletInfrastructureMode {
  EMBEDDED,
  TESTCONTAINERS;

  static final String PROPERTY = "flowlet.test.infrastructure";
  static final String VARIABLE = "FLOWLET_TEST_INFRASTRUCTURE";

  /** The system property wins over the environment variable; neither set means embedded. */
  static FlowletInfrastructureMode select(Properties systemProperties, Map<String, String> env) {
    String fromProperty = systemProperties.getProperty(PROPERTY);
    if (fromProperty != null && !fromProperty.isBlank()) {
      return parse(fromProperty, "system property " + PROPERTY);
    }
    String fromVariable = env.get(VARIABLE);
    if (fromVariable != null && !fromVariable.isBlank()) {
      return parse(fromVariable, "environment variable " + VARIABLE);
    }
    return EMBEDDED;
  }

  static FlowletInfrastructureMode parse(String value, String source) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "embedded" -> EMBEDDED;
      case "testcontainers" -> TESTCONTAINERS;
      default ->
          throw new IllegalArgumentException(
              "Unknown test infrastructure '"
                  + value
                  + "' in "
                  + source
                  + ": use 'embedded' (the default) or 'testcontainers'");
    };
  }

  FlowletInfrastructureServers start() {
    return switch (this) {
      case EMBEDDED -> FlowletInfrastructureEmbedded.start();
      case TESTCONTAINERS -> FlowletInfrastructureContainers.start();
    };
  }
}
