package dev.flowlet.batch.backup;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Compares every table of the restored copy with the source as of the dump's snapshot (the
 * manifest): same tables, same row counts, same content checksums.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class TableComparison implements RestoredCopyCheck {

  @Override
  public String name() {
    return "tables";
  }

  @Override
  public List<String> problems(Connection restored, BackupManifest manifest) throws SQLException {
    Map<String, TableFingerprint> copy =
        TableFingerprint.of(restored).stream()
            .collect(Collectors.toMap(TableFingerprint::qualifiedName, Function.identity()));
    List<String> problems = new ArrayList<>();
    for (TableFingerprint source : manifest.tables()) {
      TableFingerprint restoredTable = copy.remove(source.qualifiedName());
      if (restoredTable == null) {
        problems.add(source.qualifiedName() + " is missing from the restored copy");
      } else if (restoredTable.rows() != source.rows()) {
        problems.add(
            source.qualifiedName()
                + " has "
                + restoredTable.rows()
                + " rows in the restored copy, "
                + source.rows()
                + " in the source");
      } else if (!restoredTable.checksum().equals(source.checksum())) {
        problems.add(
            source.qualifiedName() + " has other content in the restored copy (checksum differs)");
      }
    }
    copy.keySet().stream()
        .sorted()
        .forEach(table -> problems.add(table + " is in the restored copy but not in the source"));
    return problems;
  }
}
