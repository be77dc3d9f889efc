package dev.flowlet.batch.gdpr.export;

import dev.flowlet.batch.gdpr.GdprJobs;
import dev.flowlet.batch.gdpr.GdprProgress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The export's last step: checksums and counts every data set file, writes {@code manifest.json},
 * zips it all into {@code <requestId>.zip} (written under a temporary name, synced, then renamed,
 * mode 0600), records the archive on the request and discards the work folder. Entries carry a
 * fixed time, so two runs differ only in the manifest's {@code generatedAt}.
 */
final class ArchiveAssembly implements Tasklet {

  private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

  private final ExportWorkspace workspace;
  private final JdbcClient jdbc;
  private final GdprProgress progress;
  private final JsonMapper json;
  private final Clock clock;

  ArchiveAssembly(
      ExportWorkspace workspace,
      JdbcClient jdbc,
      GdprProgress progress,
      JsonMapper json,
      Clock clock) {
    this.workspace = workspace;
    this.jdbc = jdbc;
    this.progress = progress;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public @Nullable RepeatStatus execute(StepContribution contribution, ChunkContext chunk)
      throws IOException {
    var parameters = chunk.getStepContext().getStepExecution().getJobParameters();
    UUID requestId = UUID.fromString(parameters.getString(GdprJobs.REQUEST_ID));
    UUID subjectId = UUID.fromString(parameters.getString(GdprJobs.SUBJECT_ID));
    Path folder = workspace.folder(requestId);
    // Reported before this step's transaction locks the request row (below), not after.
    progress.report(requestId, "archive", 0, 1);
    List<ExportManifest.FileEntry> files = new ArrayList<>();
    for (ExportDataset dataset : ExportDataset.ALL) {
      Path jsonLines = folder.resolve(dataset.name() + ".jsonl");
      long rows = lines(jsonLines);
      files.add(entry(jsonLines, "jsonl", rows));
      files.add(entry(folder.resolve(dataset.name() + ".csv"), "csv", rows));
    }
    ExportManifest manifest =
        new ExportManifest(
            ExportManifest.VERSION, requestId, subjectId, clock.instant(), List.copyOf(files));
    byte[] manifestBytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);

    Path archive = workspace.archive(requestId);
    Path part = workspace.root().resolve(archive.getFileName() + ".part");
    Files.deleteIfExists(part);
    Files.createFile(
        part, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    MessageDigest sha256 = sha256();
    try (var channel = java.nio.channels.FileChannel.open(part, StandardOpenOption.WRITE);
        OutputStream raw = java.nio.channels.Channels.newOutputStream(channel);
        DigestOutputStream digesting = new DigestOutputStream(raw, sha256);
        ZipOutputStream zip = new ZipOutputStream(digesting)) {
      // Text compresses well even at the fastest level; the archive is written once and the
      // officer waits for it (measured: BENCHMARKS.md, GDPR export).
      zip.setLevel(Deflater.BEST_SPEED);
      put(zip, ExportManifest.FILE_NAME, manifestBytes);
      for (ExportManifest.FileEntry file : files) {
        ZipEntry entry = new ZipEntry(file.name());
        entry.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(entry);
        Files.copy(folder.resolve(file.name()), zip);
        zip.closeEntry();
      }
      zip.finish();
      digesting.flush();
      channel.force(true);
    }
    long bytes = Files.size(part);
    Files.move(part, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    jdbc.sql(
            """
            update data_subject_requests
               set archive_path = ?, archive_sha256 = ?, archive_bytes = ?,
                   downloaded_by = null, downloaded_at = null, updated_at = now(),
                   progress = '{"step":"archive","done":1,"total":1}'
             where id = ?
            """)
        .params(
            ExportWorkspace.archiveName(requestId),
            HexFormat.of().formatHex(sha256.digest()),
            bytes,
            requestId)
        .update();
    workspace.discard(requestId);
    return RepeatStatus.FINISHED;
  }

  private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setTimeLocal(ENTRY_TIME);
    zip.putNextEntry(entry);
    zip.write(content);
    zip.closeEntry();
  }

  private static ExportManifest.FileEntry entry(Path file, String format, long rows)
      throws IOException {
    MessageDigest sha256 = sha256();
    try (InputStream in = Files.newInputStream(file);
        OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), sha256)) {
      in.transferTo(sink);
    }
    return new ExportManifest.FileEntry(
        file.getFileName().toString(),
        format,
        HexFormat.of().formatHex(sha256.digest()),
        Files.size(file),
        rows);
  }

  /** JSON lines end every row with a newline (values never contain a raw one). */
  private static long lines(Path file) throws IOException {
    long count = 0;
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      for (int read; (read = in.read(buffer)) > 0; ) {
        for (int i = 0; i < read; i++) {
          if (buffer[i] == '\n') {
            count++;
          }
        }
      }
    }
    return count;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
