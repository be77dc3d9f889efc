package dev.flowlet.batch.gdpr;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param exportDir where export archives are written; the API reads the same folder ({@code
 *     flowlet.api.privacy.export-dir}, both from {@code FLOWLET_EXPORT_DIR})
 * @param claimer whether this instance polls for requests (off in tests that launch jobs directly)
 * @param pollInterval how often the claimer looks for received requests and dead runs
 * @param resumeAfter a RUNNING request whose request row and job execution were both not updated
 *     for this long is taken as abandoned by a crashed instance and resumed
 * @param instanceId the name written to {@code handled_by}; blank means host name and process id
 * @param fetchSize rows fetched per round trip while streaming a subject's data
 */
@Validated
@ConfigurationProperties("flowlet.batch.gdpr")
public record GdprSettings(
    @NotNull Path exportDir,
    @DefaultValue("true") boolean claimer,
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("2m") Duration resumeAfter,
    @DefaultValue("") String instanceId,
    @DefaultValue("1000") @Min(1) int fetchSize) {

  public GdprSettings {
    if (exportDir != null) {
      exportDir = exportDir.toAbsolutePath().normalize();
    }
    if (instanceId == null || instanceId.isBlank()) {
      String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
      instanceId = host + "-" + ProcessHandle.current().pid();
    }
  }
}
