package dev.flowlet.batch.reconciliation;

import dev.flowlet.batch.imports.ImportFolder;
import dev.flowlet.batch.jobs.OnDemandJob;
import dev.flowlet.batch.problems.FieldError;
import dev.flowlet.batch.problems.ProblemException;
import dev.flowlet.batch.security.StaffRole;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code POST /api/v1/jobs/reconciliationJob} with {@code {"file", "accountId"}} and optional
 * {@code "from"}, {@code "to"} (ISO dates) and {@code "rerun": true}. The file must be a statement
 * in the configured layout inside the import folder, the account must exist. The run is identified
 * by file, content (SHA-256), account and period: the same request again resumes a failed run, and
 * is refused once one completed unless {@code rerun} asks for a new run.
 */
@Component
class ReconciliationRequests implements OnDemandJob {

  private static final Set<String> KNOWN = Set.of("file", "accountId", "from", "to", "rerun");

  private final ImportFolder imports;
  private final ReconciliationSettings settings;
  private final JdbcClient jdbc;
  private final Clock clock;

  ReconciliationRequests(
      ImportFolder imports, ReconciliationSettings settings, JdbcClient jdbc, Clock clock) {
    this.imports = imports;
    this.settings = settings;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public String jobName() {
    return ReconciliationJobConfiguration.JOB_NAME;
  }

  @Override
  public Set<StaffRole> runners() {
    return Set.of(StaffRole.OPERATOR, StaffRole.ADMIN);
  }

  @Override
  public JobParameters parameters(Map<String, Object> request) {
    List<FieldError> errors = new ArrayList<>();
    request.keySet().stream()
        .filter(name -> !KNOWN.contains(name))
        .sorted()
        .forEach(name -> errors.add(new FieldError(name, "is not a parameter of this job")));
    Path file = file(request.get("file"), errors);
    UUID account = account(request.get("accountId"), errors);
    LocalDate from = date("from", request.get("from"), errors);
    LocalDate to = date("to", request.get("to"), errors);
    if (from != null && to != null && from.isAfter(to)) {
      errors.add(new FieldError("to", "must not be before from"));
    }
    Object rerun = request.get("rerun");
    if (rerun != null && !(rerun instanceof Boolean)) {
      errors.add(new FieldError("rerun", "must be true or false"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return parameters(file, account, from, to, Boolean.TRUE.equals(rerun));
  }

  /** The parameters of a run over a checked file; the drop folder's schedule uses this too. */
  JobParameters parameters(Path file, UUID account, LocalDate from, LocalDate to, boolean rerun) {
    JobParametersBuilder parameters =
        new JobParametersBuilder()
            .addString("file", file.toString(), true)
            .addString("accountId", account.toString(), true)
            .addString("sha256", StatementFiles.sha256(file), true);
    if (from != null) {
      parameters.addString("from", from.toString(), true);
    }
    if (to != null) {
      parameters.addString("to", to.toString(), true);
    }
    if (rerun) {
      parameters.addLong("rerun", clock.millis(), true);
    }
    return parameters.toJobParameters();
  }

  private Path file(Object value, List<FieldError> errors) {
    if (!(value instanceof String name) || name.isBlank()) {
      errors.add(new FieldError("file", "is required: the absolute path of a statement file"));
      return null;
    }
    try {
      Path file = imports.existingFile("file", name);
      StatementFiles.columns(file, settings.format());
      return file;
    } catch (ProblemException e) {
      errors.addAll(fieldErrors(e));
    } catch (StatementFormatException e) {
      errors.add(
          new FieldError("file", "is not a statement in the configured layout: " + e.getMessage()));
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static List<FieldError> fieldErrors(ProblemException e) {
    return (List<FieldError>) e.properties().getOrDefault("errors", List.of());
  }

  private UUID account(Object value, List<FieldError> errors) {
    if (!(value instanceof String id)) {
      errors.add(new FieldError("accountId", "is required: the ledger account's id"));
      return null;
    }
    UUID account;
    try {
      account = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError("accountId", "is not an account id (a UUID)"));
      return null;
    }
    boolean exists =
        jdbc.sql("select exists (select 1 from accounts where id = ?)")
            .param(account)
            .query(Boolean.class)
            .single();
    if (!exists) {
      errors.add(new FieldError("accountId", "no ledger account with that id"));
      return null;
    }
    return account;
  }

  private static LocalDate date(String name, Object value, List<FieldError> errors) {
    if (value == null) {
      return null;
    }
    String problem = "must be a date such as 2026-01-31";
    if (value instanceof String text) {
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        errors.add(new FieldError(name, problem));
        return null;
      }
    }
    errors.add(new FieldError(name, problem));
    return null;
  }
}
