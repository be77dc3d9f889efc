package dev.flowlet.api.privacy;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param exportDir the folder where batch-jobs writes export archives (the same folder as its
 *     {@code flowlet.batch.gdpr.export-dir}); a download streams the archive from here, then
 *     deletes it
 * @param answerWithin how long the controller has to answer a request (GDPR Art. 12(3): one month)
 */
@ConfigurationProperties("flowlet.api.privacy")
record PrivacySettings(Path exportDir, @DefaultValue("30d") Duration answerWithin) {

  PrivacySettings {
    if (exportDir == null) {
      throw new IllegalStateException("flowlet.api.privacy.export-dir must name a folder");
    }
    if (answerWithin == null || answerWithin.isNegative() || answerWithin.isZero()) {
      throw new IllegalStateException("flowlet.api.privacy.answer-within must be positive");
    }
    exportDir = exportDir.toAbsolutePath().normalize();
  }
}
