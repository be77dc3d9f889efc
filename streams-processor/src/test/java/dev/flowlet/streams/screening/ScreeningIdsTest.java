package dev.flowlet.streams.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScreeningIdsTest {

  @Test
  void derivesTheSameIdsAsNameBasedUuidsSoEarlierDecisionsKeepTheirs() {
    for (String transaction : new String[] {"tx-1", "5b0c5d0e-1f7a-4c55-9d0f-2b8f3e9a7c11", ""}) {
      assertThat(Screening.id("decision", transaction))
          .isEqualTo(
              UUID.nameUUIDFromBytes(("decision:" + transaction).getBytes(StandardCharsets.UTF_8))
                  .toString());
    }
  }
}
