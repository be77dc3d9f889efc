package dev.flowlet.batch.backup;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a backup verification run reports, stored with its job execution.
 *
 * @param verdict PASSED or FAILED
 * @param file the dump's file name in the backup folder
 * @param sha256 its SHA-256 (recorded when taken, checked before the restore)
 * @param sizeBytes its size
 * @param takenAt when its snapshot was taken (ISO-8601)
 * @param restoreSeconds how long {@code pg_restore} took
 * @param rtoSeconds the recovery time objective it is held to
 * @param tables tables compared
 * @param rows rows compared
 * @param problems what failed, empty when it passed
 * @param erasureReplay PASSED or FAILED: every subject of the erasure ledger erased in the restored
 *     copy after a replay; NOT_CHECKED when no such check is configured
 */
record BackupReport(
    String verdict,
    @Nullable String file,
    @Nullable String sha256,
    long sizeBytes,
    @Nullable String takenAt,
    double restoreSeconds,
    long rtoSeconds,
    int tables,
    long rows,
    List<String> problems,
    String erasureReplay) {}
