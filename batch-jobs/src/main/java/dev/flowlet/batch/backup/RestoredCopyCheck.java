package dev.flowlet.batch.backup;

import java.sql.Connection;
import java.util.List;

/**
 * A check of a restored copy, run by {@code restoreVerificationStep} against the scratch database
 * after the restore and before it is dropped, in {@link org.springframework.core.annotation.Order}.
 * Every check's problems fail the verification.
 *
 * <p>{@link TableComparison} (row counts and checksums against the manifest), then {@code
 * gdpr.erasure.ErasureReplayCheck} (named {@code erasureReplay}), which replays the erasure ledger
 * on the restored copy and proves every erased subject stays erased there; the report's {@code
 * erasureReplay} says {@code PASSED} or {@code FAILED} ({@code NOT_CHECKED} without that check).
 */
public interface RestoredCopyCheck {

  /** A short name for the report, e.g. {@code tables}. */
  String name();

  /**
   * @param restored a connection to the scratch database
   * @param manifest what the backup holds
   * @return the problems found, empty when the copy passes; no row data in them
   */
  List<String> problems(Connection restored, BackupManifest manifest) throws Exception;
}
