package dev.flowlet.api.subjectkeys;

import dev.flowlet.events.SubjectDataCipher;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code subject_keys} table: one random 256-bit data key per data subject, stored wrapped by
 * the active key-encryption key. An erased subject (in {@code erasure_ledger}) never gets a key
 * again, so nothing new about them can be sealed or pseudonymised.
 */
@Component
public class SubjectKeys {

  private final JdbcClient jdbc;
  private final SubjectKeySettings settings;
  private final SubjectDataCipher cipher;
  private final Clock clock;

  SubjectKeys(JdbcClient jdbc, SubjectKeySettings settings, Clock clock) {
    settings.check();
    this.jdbc = jdbc;
    this.settings = settings;
    this.cipher = new SubjectDataCipher(new SecureRandom());
    this.clock = clock;
  }

  /** Creates the subject's key in the caller's transaction (with the customer row). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void create(UUID subjectId) {
    byte[] dataKey = cipher.newDataKey();
    String kekId = settings.activeKeyId();
    jdbc.sql(
            """
            insert into subject_keys (subject_id, kek_id, wrapped_key, created_at)
            select ?, ?, ?, ?
            where not exists (select 1 from erasure_ledger where subject_id = ?)
            on conflict (subject_id) do nothing
            """)
        .params(
            subjectId,
            kekId,
            cipher.wrap(settings.key(kekId), kekId, subjectId.toString(), dataKey),
            Timestamp.from(clock.instant()),
            subjectId)
        .update();
  }

  /**
   * The subject's data key, created on first use for customers registered before keys existed;
   * empty when the subject was erased.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<byte[]> keyOf(UUID subjectId) {
    Optional<byte[]> existing = find(subjectId);
    if (existing.isPresent()) {
      return existing;
    }
    create(subjectId);
    return find(subjectId);
  }

  private Optional<byte[]> find(UUID subjectId) {
    return jdbc.sql("select kek_id, wrapped_key from subject_keys where subject_id = ?")
        .param(subjectId)
        .query(
            (rs, row) -> {
              String kekId = rs.getString("kek_id");
              return SubjectDataCipher.unwrap(
                  settings.key(kekId), kekId, subjectId.toString(), rs.getBytes("wrapped_key"));
            })
        .optional();
  }

  SubjectDataCipher cipher() {
    return cipher;
  }
}
