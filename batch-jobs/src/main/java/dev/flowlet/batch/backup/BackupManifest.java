package dev.flowlet.batch.backup;

import java.time.Instant;
import java.util.List;

/**
 * What was backed up, written next to the dump as {@code <dump>.manifest.json} when it is taken:
 * verification compares a restored copy with it, and a backup without one cannot be verified.
 *
 * @param file the dump's file name (in the backup folder)
 * @param sha256 the dump's SHA-256
 * @param sizeBytes its size
 * @param takenAt when its snapshot was taken
 * @param database the database it is a dump of (host:port/name)
 * @param serverVersion the server's version number
 * @param tables every table's fingerprint in the dump's snapshot
 */
public record BackupManifest(
    String file,
    String sha256,
    long sizeBytes,
    Instant takenAt,
    String database,
    int serverVersion,
    List<TableFingerprint> tables) {}
