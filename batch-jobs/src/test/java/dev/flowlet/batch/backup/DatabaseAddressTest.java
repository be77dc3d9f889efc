package dev.flowlet.batch.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseAddressTest {

  @Test
  void readsHostPortAndDatabaseAndKeepsTheParametersForOtherDatabases() {
    DatabaseAddress address =
        DatabaseAddress.of("jdbc:postgresql://db.internal:6543/flowlet?sslmode=require", "u", "p");

    assertThat(address.host()).isEqualTo("db.internal");
    assertThat(address.port()).isEqualTo(6543);
    assertThat(address.database()).isEqualTo("flowlet");
    assertThat(address.withDatabase("flowlet_verify_7").jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.internal:6543/flowlet_verify_7?sslmode=require");
    assertThat(address.environment())
        .containsEntry("PGHOST", "db.internal")
        .containsEntry("PGPORT", "6543")
        .containsEntry("PGDATABASE", "flowlet")
        .containsEntry("PGPASSWORD", "p");
    assertThat(address.toString()).doesNotContain("p@").isEqualTo("db.internal:6543/flowlet");
  }

  @Test
  void defaultsThePortAndUnderstandsIpv6Hosts() {
    assertThat(DatabaseAddress.of("jdbc:postgresql://localhost/flowlet", "u", "").port())
        .isEqualTo(5432);
    DatabaseAddress ipv6 = DatabaseAddress.of("jdbc:postgresql://[::1]:5433/flowlet", "u", "");
    assertThat(ipv6.host()).isEqualTo("::1");
    assertThat(ipv6.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5433/flowlet");
  }

  @Test
  void refusesUrlsItCannotHandToPgDump() {
    assertThatThrownBy(() -> DatabaseAddress.of("jdbc:h2:mem:x", "u", ""))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> DatabaseAddress.of("jdbc:postgresql://a:1,b:2/flowlet", "u", ""))
        .hasMessageContaining("one database host");
  }
}
