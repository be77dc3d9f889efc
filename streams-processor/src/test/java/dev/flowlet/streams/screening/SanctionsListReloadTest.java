package dev.flowlet.streams.screening;

import static dev.flowlet.events.RuleCatalog.SANCTIONS_MATCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowlet.events.RiskDecision;
import dev.flowlet.streams.rules.sanctions.SanctionsListFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SanctionsListReloadTest {

  private static final String FIRST =
      "306,\"BANCO NACIONAL DE CUBA\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n";
  private static final String ADDED =
      "99001,\"GLOBEX SHELL HOLDINGS LTD.\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n";

  @TempDir Path folder;

  @Test
  void screensAgainstANameAddedToTheListFileWhileRunning() throws Exception {
    Path list = folder.resolve("SDN.csv");
    Files.writeString(list, FIRST);
    SanctionsListFile file = SanctionsListFile.watching(list);
    try (ScreeningDriver driver = new ScreeningDriver(file, false);
        SanctionsListReloader reloader = SanctionsListReloader.start(file, Duration.ofMillis(50))) {
      RiskDecision before =
          driver.screen(Tx.transfer().counterparty("Globex Shell Holdings Ltd", "GB"));

      replace(list, FIRST + ADDED);
      await().atMost(Duration.ofSeconds(10)).until(() -> file.current().size() == 2);
      RiskDecision after =
          driver.screen(Tx.transfer().counterparty("Globex Shell Holdings Ltd", "GB"));

      assertThat(before.reasons()).isEmpty();
      assertThat(Reasons.detail(after, SANCTIONS_MATCH))
          .contains("99001 \"GLOBEX SHELL HOLDINGS LTD.\"");
    }
  }

  @Test
  void keepsThePreviousListWhenTheFileCannotBeRead() throws Exception {
    Path list = folder.resolve("SDN.csv");
    Files.writeString(list, FIRST);
    SanctionsListFile file = SanctionsListFile.watching(list);

    Files.delete(list);
    try (SanctionsListReloader reloader = SanctionsListReloader.start(file, Duration.ofDays(1))) {
      reloader.reloadIfChanged();
    }

    assertThat(file.current().size()).isEqualTo(1);
    assertThat(file.current().bestMatch("Banco Nacional de Cuba", 0.92)).isPresent();
  }

  /** Writes a new file and moves it over the old one, as the list's owners are told to. */
  private void replace(Path list, String content) throws Exception {
    Path next = folder.resolve("SDN.csv.next");
    Files.writeString(next, content);
    Files.move(next, list, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
