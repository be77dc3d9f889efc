package dev.flowlet.batch.backup;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * A test hook between restore and comparison: when armed, it runs one SQL statement on the next
 * restored copy before the real checks see it (as an attacker or a broken restore would change it),
 * then disarms. It reports no problem itself.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TamperingCheck implements RestoredCopyCheck {

  private final AtomicReference<String> armed = new AtomicReference<>();

  /** The next restored copy gets {@code sql} run on it. */
  public void arm(String sql) {
    armed.set(sql);
  }

  @Override
  public String name() {
    return "tampering (test hook)";
  }

  @Override
  public List<String> problems(Connection restored, BackupManifest manifest) throws Exception {
    String sql = armed.getAndSet(null);
    if (sql != null) {
      try (Statement statement = restored.createStatement()) {
        statement.execute(sql);
      }
    }
    return List.of();
  }
}
