package dev.flowlet.batch.imports;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param importDir the folder jobs read files from ({@code FLOWLET_IMPORT_DIR}); relative paths
 *     resolve against the working directory; created when missing
 */
@ConfigurationProperties("flowlet.batch")
record ImportSettings(Path importDir) {

  ImportSettings {
    if (importDir == null) {
      throw new IllegalStateException("flowlet.batch.import-dir must be set (FLOWLET_IMPORT_DIR)");
    }
  }
}
