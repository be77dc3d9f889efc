package dev.flowlet.testsupport.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

  @Test
  void replacesTheDatabaseAndKeepsHostsAndParameters() {
    assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db:5432/postgres?sslmode=require", "app"))
        .isEqualTo("jdbc:postgresql://db:5432/app?sslmode=require");
    assertThat(JdbcUrls.withDatabase("jdbc:postgresql://a:5432,b:5433/postgres", "app"))
        .isEqualTo("jdbc:postgresql://a:5432,b:5433/app");
  }

  @Test
  void addsADatabaseToAUrlWithout() {
    assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db", "app"))
        .isEqualTo("jdbc:postgresql://db/app");
    assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db?ssl=true", "app"))
        .isEqualTo("jdbc:postgresql://db/app?ssl=true");
  }

  @Test
  void hidesParametersThatMayHoldAPassword() {
    assertThat(JdbcUrls.withoutParameters("jdbc:postgresql://db/app?user=u&password=p"))
        .isEqualTo("jdbc:postgresql://db/app");
  }
}
