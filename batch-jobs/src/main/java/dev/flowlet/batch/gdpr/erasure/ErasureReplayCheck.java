package dev.flowlet.batch.gdpr.erasure;

import dev.flowlet.batch.backup.BackupManifest;
import dev.flowlet.batch.backup.RestoredCopyCheck;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * The erasure half of backup verification: replays the erasure ledger of record on the restored
 * copy, as a restore in earnest would be followed by, and proves that every subject in the ledger
 * is erased there. Runs after the table comparison, which must see the copy as restored.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ErasureReplayCheck implements RestoredCopyCheck {

  static final String NAME = "erasureReplay";

  private final ErasureReplay replay;

  ErasureReplayCheck(ErasureReplay replay) {
    this.replay = replay;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> problems(Connection restored, BackupManifest manifest) {
    JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(restored, true));
    ErasureReplay.Result result = replay.replay(jdbc);
    PostgresPseudonymisation check = new PostgresPseudonymisation(jdbc);
    List<String> problems = new ArrayList<>();
    result
        .entries()
        .forEach(
            entry -> {
              if (!check.isErased(UUID.fromString(entry.subjectId()))) {
                problems.add("subject " + entry.subjectId() + " is not erased after the replay");
              }
            });
    return problems;
  }
}
