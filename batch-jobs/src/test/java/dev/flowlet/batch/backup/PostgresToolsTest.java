package dev.flowlet.batch.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresToolsTest {

  @Test
  void saysWhatIsMissingWhenTheConfiguredFolderHasNoPgDump(@TempDir Path empty) {
    PostgresTools tools = new PostgresTools(empty.toString());

    assertThatThrownBy(() -> tools.find("pg_dump", 15))
        .isInstanceOf(BackupVerificationException.class)
        .hasMessageContaining("pg_dump of PostgreSQL 15 or newer is needed")
        .hasMessageContaining("FLOWLET_PG_BIN_DIR");
  }

  @Test
  void findsTheInstalledClientToolsOfTheServersVersion() {
    Path pgDump = new PostgresTools(null).find("pg_dump", 15);

    assertThat(pgDump).isExecutable();
  }

  @Test
  void refusesAClientOlderThanTheServer() {
    PostgresTools tools = new PostgresTools("/usr/lib/postgresql/15/bin");

    assertThatThrownBy(() -> tools.find("pg_restore", 99))
        .hasMessageContaining("pg_restore of PostgreSQL 99 or newer")
        .hasMessageContaining("is version 15");
  }
}
