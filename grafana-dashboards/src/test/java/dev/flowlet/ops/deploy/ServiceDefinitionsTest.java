package dev.flowlet.ops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.ops.Repository;
import dev.flowlet.ops.debian.DebianTool;
import dev.flowlet.ops.debian.DebianTool.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The systemd units, the supervisor programs and the logrotate rule run and keep the same apps. */
class ServiceDefinitionsTest {

  private static final List<String> APPS = List.of("api", "streams-processor", "batch-jobs");
  private static final Pattern DEFAULT_JAVA_OPTS =
      Pattern.compile("^Environment=\"JAVA_OPTS=([^\"]*)\"$", Pattern.MULTILINE);

  @Test
  void systemdAcceptsTheUnitsWithoutWarnings() {
    Run run =
        DebianTool.SYSTEMD_ANALYZE.run(
            Repository.deploy("systemd"),
            "verify",
            "flowlet-api.service",
            "flowlet-streams-processor.service",
            "flowlet-batch-jobs.service");

    assertThat(run.succeeded()).as(run.describe()).isTrue();
    assertThat(run.output()).as(run.describe()).isBlank();
  }

  @ParameterizedTest
  @ValueSource(strings = {"api", "streams-processor", "batch-jobs"})
  void runsEachAppAsAnUnprivilegedRestartedAndConfinedService(String app) throws IOException {
    String unit = unit(app);

    assertThat(unit)
        .contains(
            "User=flowlet",
            "EnvironmentFile=/etc/flowlet/flowlet.env",
            "EnvironmentFile=/etc/flowlet/" + app + ".env",
            "-jar /opt/flowlet/lib/flowlet-" + app + "-exec.jar",
            "Restart=on-failure",
            "SuccessExitStatus=143",
            "NoNewPrivileges=yes",
            "ProtectSystem=strict",
            "ProtectHome=yes",
            "PrivateTmp=yes",
            "CapabilityBoundingSet=\n",
            "StandardOutput=append:/var/log/flowlet/" + app + ".log")
        .doesNotContain("MemoryDenyWriteExecute=yes");
    assertThat(defaultJavaOptions(app)).contains("-XX:+ExitOnOutOfMemoryError", "-Xmx");
    assertThat(Repository.deploy("env/" + app + ".env.example")).exists();
  }

  @ParameterizedTest
  @ValueSource(strings = {"api", "streams-processor", "batch-jobs"})
  void runsEachAppUnderSupervisorLikeTheUnitDoes(String app) throws IOException {
    String program = supervisorProgram(app);

    assertThat(program)
        .contains(
            "user=flowlet",
            ". /etc/flowlet/flowlet.env; . /etc/flowlet/" + app + ".env;",
            "${JAVA_OPTS:-" + defaultJavaOptions(app) + "}",
            "-jar /opt/flowlet/lib/flowlet-" + app + "-exec.jar",
            "stopsignal=TERM",
            "stdout_logfile=/var/log/flowlet/" + app + ".log");
  }

  @Test
  void rotatesTheLogFileOfEveryApp() throws IOException {
    String rule = Files.readString(Repository.deploy("logrotate/flowlet"));

    for (String app : APPS) {
      assertThat(rule).contains("/var/log/flowlet/" + app + ".log");
    }
    // The apps keep their log files open: rotation must copy and truncate in place.
    assertThat(rule).contains("copytruncate", "compress", "su flowlet flowlet");
  }

  private static String unit(String app) throws IOException {
    return Files.readString(Repository.deploy("systemd/flowlet-" + app + ".service"));
  }

  private static String defaultJavaOptions(String app) throws IOException {
    Matcher options = DEFAULT_JAVA_OPTS.matcher(unit(app));
    assertThat(options.find()).as("default JAVA_OPTS of flowlet-%s.service", app).isTrue();
    return options.group(1);
  }

  private static String supervisorProgram(String app) throws IOException {
    String config = Files.readString(Repository.deploy("supervisor/flowlet.conf"));
    int start = config.indexOf("[program:flowlet-" + app + "]");
    assertThat(start).as("supervisor program flowlet-%s", app).isNotNegative();
    int end = config.indexOf("\n[", start + 1);
    return end < 0 ? config.substring(start) : config.substring(start, end);
  }
}
