package dev.flowlet.batch.gdpr.erasure;

import dev.flowlet.events.SubjectErased;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Re-applies the erasure ledger of record to a database: every subject in the ledger that is not
 * erased there (a restore of a backup older than the erasure brings them back) is pseudonymised
 * again and loses its key; the mirror table gets every entry. Elasticsearch is not restored with
 * the database, so its redaction stands.
 */
@Component
class ErasureReplay {

  private final ErasureLedger ledger;

  ErasureReplay(ErasureLedger ledger) {
    this.ledger = ledger;
  }

  /**
   * @param jdbc the database to replay into (the live one, or a restored copy)
   * @return what the replay found and did
   */
  Result replay(JdbcTemplate jdbc) {
    List<SubjectErased> entries = ledger.readAll();
    int reapplied = 0;
    int mirrored = 0;
    PostgresPseudonymisation pseudonymisation = new PostgresPseudonymisation(jdbc);
    for (SubjectErased entry : entries) {
      UUID subject = UUID.fromString(entry.subjectId());
      if (!pseudonymisation.isErased(subject)) {
        pseudonymisation.apply(subject);
        pseudonymisation.shredKey(subject);
        reapplied++;
      }
      mirrored += ErasureLedger.mirror(jdbc, entry);
    }
    return new Result(entries, reapplied, mirrored);
  }

  /**
   * @param entries the ledger's entries
   * @param reapplied subjects that were not erased in the database and now are
   * @param mirrored entries added to the mirror table
   */
  record Result(List<SubjectErased> entries, int reapplied, int mirrored) {}
}
