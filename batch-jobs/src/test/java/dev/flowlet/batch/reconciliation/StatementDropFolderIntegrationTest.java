package dev.flowlet.batch.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowlet.batch.BatchJobsTest;
import dev.flowlet.batch.Ledger;
import dev.flowlet.batch.imports.ImportFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The scheduled scan of the drop folder, triggered here by hand (the cron is off in tests). */
@BatchJobsTest
class StatementDropFolderIntegrationTest {

  private final StatementDropFolder dropFolder;
  private final Ledger ledger;
  private final JdbcClient jdbc;
  private final ImportFolder imports;

  StatementDropFolderIntegrationTest(
      StatementDropFolder dropFolder,
      JdbcClient jdbc,
      JdbcTemplate jdbcTemplate,
      ImportFolder imports) {
    this.dropFolder = dropFolder;
    this.ledger = new Ledger(jdbc, jdbcTemplate);
    this.jdbc = jdbc;
    this.imports = imports;
  }

  @Test
  void reconcilesADroppedStatementOnceAndThenMovesItToDone() throws IOException {
    UUID account = ledger.account("Dropper");
    ledger.record(account, "DEPOSIT", "321.00", LocalDate.of(2026, 4, 1), "Payer", null);
    Path folder =
        Files.createDirectories(imports.root().resolve("statements").resolve(account.toString()));
    Path statement =
        Files.writeString(
            folder.resolve("april.csv"),
            "statement_ref,value_date,amount,currency,counterparty,transaction_id,description\n"
                + "D1,2026-04-01,321.00,EUR,Payer,,deposit\n");

    String file = statement.toRealPath().toString();

    dropFolder.scan();
    await().atMost(Duration.ofSeconds(60)).until(() -> completedRunsOf(file) == 1);
    dropFolder.scan();

    assertThat(completedRunsOf(file)).isEqualTo(1);
    assertThat(statement).doesNotExist();
    try (var done = Files.list(folder.resolve("done"))) {
      assertThat(done.map(path -> path.getFileName().toString()))
          .singleElement()
          .asString()
          .endsWith("-april.csv");
    }
    assertThat(
            jdbc.sql(
                    """
                    select count(*) from batch.reconciliation_results r
                      join batch.batch_job_execution_params p
                        on p.parameter_name = 'accountId' and p.parameter_value = ?
                      join batch.batch_job_execution e
                        on e.job_execution_id = p.job_execution_id
                       and e.job_instance_id = r.instance_id
                     where r.category = 'MATCHED'
                    """)
                .param(account.toString())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  private long completedRunsOf(String file) {
    return jdbc.sql(
            """
            select count(*) from batch.batch_job_execution e
              join batch.batch_job_execution_params p on p.job_execution_id = e.job_execution_id
             where p.parameter_name = 'file' and p.parameter_value = ? and e.status = 'COMPLETED'
            """)
        .param(file)
        .query(Long.class)
        .single();
  }
}
