package dev.flowlet.ops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.ops.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * deploy/env/*.env.example: every variable the apps and docker-compose read is listed, in a form
 * both systemd and a shell read, and no value is a real secret.
 */
class EnvExamplesTest {

  private static final Pattern ASSIGNMENT =
      Pattern.compile("^(#\\s*)?([A-Z][A-Z0-9_]*)=(.*)$", Pattern.MULTILINE);
  private static final Pattern APP_VARIABLE = Pattern.compile("\\$\\{(FLOWLET_[A-Z0-9_]+)");
  private static final Pattern COMPOSE_VARIABLE =
      Pattern.compile("(?<!\\$)\\$\\{([A-Z][A-Z0-9_]*)");
  private static final Pattern SECRET_NAME = Pattern.compile("PASSWORD|SECRET|_KEY$");

  @ParameterizedTest
  @ValueSource(strings = {"api", "streams-processor", "batch-jobs"})
  void listsEveryVariableTheAppReads(String app) throws IOException {
    Set<String> read = new TreeSet<>();
    for (String file : List.of("application.yml", "application-prod.yml")) {
      Path config = Repository.root().resolve(app + "/src/main/resources/" + file);
      if (Files.exists(config)) {
        Matcher variable = APP_VARIABLE.matcher(Files.readString(config));
        while (variable.find()) {
          read.add(variable.group(1));
        }
      }
    }
    Set<String> listed = new TreeSet<>(assignments("flowlet.env.example").keySet());
    listed.addAll(assignments(app + ".env.example").keySet());

    assertThat(read).as("variables %s reads", app).isNotEmpty();
    assertThat(listed).as("listed in flowlet.env.example or %s.env.example", app).containsAll(read);
  }

  @Test
  void listsEveryVariableDockerComposeReads() throws IOException {
    Set<String> read = new TreeSet<>();
    Matcher variable =
        COMPOSE_VARIABLE.matcher(Files.readString(Repository.deploy("docker-compose.yml")));
    while (variable.find()) {
      read.add(variable.group(1));
    }

    assertThat(assignments("compose.env.example").keySet()).containsAll(read);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "flowlet.env.example",
        "api.env.example",
        "streams-processor.env.example",
        "batch-jobs.env.example",
        "compose.env.example"
      })
  void holdsNoRealSecret(String file) throws IOException {
    assignments(file)
        .forEach(
            (name, value) -> {
              if (SECRET_NAME.matcher(name).find()) {
                assertThat(value).as("%s in %s", name, file).matches("|change-me.*");
              }
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "flowlet.env.example",
        "api.env.example",
        "streams-processor.env.example",
        "batch-jobs.env.example"
      })
  void quotesValuesWithSpacesSoThatBothSystemdAndTheShellReadThem(String file) throws IOException {
    assignments(file)
        .forEach(
            (name, value) -> {
              if (value.contains(" ")) {
                assertThat(value).as("%s in %s", name, file).startsWith("\"").endsWith("\"");
              }
            });
  }

  /** Every NAME=value of an example file, including commented-out ones ({@code # NAME=}). */
  private static Map<String, String> assignments(String file) throws IOException {
    Map<String, String> assignments = new LinkedHashMap<>();
    Matcher assignment = ASSIGNMENT.matcher(Files.readString(Repository.deploy("env/" + file)));
    while (assignment.find()) {
      assignments.put(assignment.group(2), assignment.group(3));
    }
    return assignments;
  }
}
