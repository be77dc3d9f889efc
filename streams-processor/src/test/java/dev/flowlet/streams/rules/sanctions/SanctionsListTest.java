package dev.flowlet.streams.rules.sanctions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class SanctionsListTest {

  @Test
  void normalisesCaseAccentsPunctuationAndWordOrder() {
    assertThat(SanctionedNames.normalise("NASRALLAH, Hasan")).isEqualTo("hasan nasrallah");
    assertThat(SanctionedNames.normalise("  Hasan   Nasralláh. ")).isEqualTo("hasan nasrallah");
    assertThat(SanctionedNames.normalise("AL QA'IDA")).isEqualTo("al qaida");
    assertThat(SanctionedNames.normalise("Straße Øresund")).isEqualTo("oresund strasse");
  }

  @Test
  void readsTheOfacSdnFormatAndSkipsRowsThatAreNotEntries() throws Exception {
    String csv =
        """
        306,"BANCO NACIONAL DE CUBA",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0-\s
        2686,"NASRALLAH, Hasan","individual","SDGT] [SYRIA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0-\s
        ent_num,SDN_Name
        \u001a
        """;

    SanctionsList list = SanctionsList.readSdnCsv(new StringReader(csv), "test");

    assertThat(list.size()).isEqualTo(2);
    assertThat(list.bestMatch("Hasan Nasrallah", 0.92))
        .hasValueSatisfying(
            match -> {
              assertThat(match.entry().id()).isEqualTo("2686");
              assertThat(match.entry().program()).isEqualTo("SDGT] [SYRIA");
              assertThat(match.similarity()).isEqualTo(1.0);
            });
    assertThat(list.bestMatch("Northwind Traders", 0.92)).isEmpty();
  }

  @Test
  void theShippedSampleHasItsTwentyEntries() {
    assertThat(SanctionsListFile.bundledSample().current().size()).isEqualTo(20);
  }
}
