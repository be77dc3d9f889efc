package dev.flowlet.batch.gdpr.export;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code manifest.json} of an export archive: every data file with its SHA-256, size and row count,
 * so the recipient can check the archive is whole.
 *
 * @param version the manifest's format version
 * @param generatedAt when the archive was assembled (the only value that differs between reruns)
 */
record ExportManifest(
    int version, UUID requestId, UUID subjectId, Instant generatedAt, List<FileEntry> files) {

  static final int VERSION = 1;
  static final String FILE_NAME = "manifest.json";

  /**
   * @param format {@code jsonl} (one JSON object per line) or {@code csv} (RFC 4180, with header)
   * @param rows data rows (the CSV header is not counted)
   */
  record FileEntry(String name, String format, String sha256, long bytes, long rows) {}
}
