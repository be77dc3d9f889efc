package dev.flowlet.batch.gdpr.export;

import dev.flowlet.batch.gdpr.GdprJobs;
import dev.flowlet.batch.gdpr.GdprProgress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams one data set of the subject into its two files: a server-side cursor ({@code fetch-size}
 * rows per round trip, inside the step's transaction) feeds {@link ExportRows} row by row, so a
 * history of any length never sits in memory. The files are written under a temporary name and
 * renamed when complete; a restart after a crash rewrites the data set from the start, byte for
 * byte the same, while data sets already completed are not redone. Stateless: one instance serves
 * concurrent runs.
 */
final class DatasetExport implements Tasklet {

  private final ExportDataset dataset;
  private final JdbcTemplate cursor;
  private final ExportWorkspace workspace;
  private final GdprProgress progress;
  private final JsonMapper json;
  private final int reportEvery;

  DatasetExport(
      ExportDataset dataset,
      DataSource dataSource,
      int fetchSize,
      ExportWorkspace workspace,
      GdprProgress progress,
      JsonMapper json) {
    this.dataset = dataset;
    this.cursor = new JdbcTemplate(dataSource);
    this.cursor.setFetchSize(fetchSize);
    this.workspace = workspace;
    this.progress = progress;
    this.json = json;
    this.reportEvery = fetchSize;
  }

  @Override
  public @Nullable RepeatStatus execute(StepContribution contribution, ChunkContext chunk)
      throws IOException {
    var parameters = chunk.getStepContext().getStepExecution().getJobParameters();
    UUID requestId = UUID.fromString(parameters.getString(GdprJobs.REQUEST_ID));
    UUID subjectId = UUID.fromString(parameters.getString(GdprJobs.SUBJECT_ID));
    Path folder = workspace.folder(requestId);
    Path jsonLines = folder.resolve(dataset.name() + ".jsonl");
    Path csv = folder.resolve(dataset.name() + ".csv");
    Path jsonPart = folder.resolve(dataset.name() + ".jsonl.part");
    Path csvPart = folder.resolve(dataset.name() + ".csv.part");
    Long total =
        cursor.queryForObject(
            "select count(*) from (" + dataset.sql() + ") q", Long.class, subjectId);
    long expected = total == null ? 0 : total;
    progress.report(requestId, dataset.name(), 0, expected);
    long written;
    try (ExportRows rows = new ExportRows(json, jsonPart, csvPart)) {
      cursor.query(
          connection -> {
            var statement = connection.prepareStatement(dataset.sql());
            statement.setObject(1, subjectId);
            statement.setFetchSize(reportEvery);
            return statement;
          },
          resultSet -> {
            rows.header(resultSet.getMetaData());
            while (resultSet.next()) {
              rows.write(resultSet);
              contribution.incrementReadCount();
              contribution.incrementWriteCount(1);
              if (rows.rows() % reportEvery == 0) {
                progress.report(requestId, dataset.name(), rows.rows(), expected);
              }
            }
            return null;
          });
      written = rows.rows();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    Files.move(jsonPart, jsonLines, StandardCopyOption.REPLACE_EXISTING);
    Files.move(csvPart, csv, StandardCopyOption.REPLACE_EXISTING);
    progress.report(requestId, dataset.name(), written, written);
    return RepeatStatus.FINISHED;
  }
}
