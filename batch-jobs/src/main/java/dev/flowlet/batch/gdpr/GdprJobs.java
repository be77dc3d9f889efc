package dev.flowlet.batch.gdpr;

import java.util.Map;

/**
 * The two GDPR jobs, the request type each one serves and their identifying parameters: one job
 * instance per request, so a restart with the same parameters resumes it.
 */
public final class GdprJobs {

  /** Job name of the export. */
  public static final String EXPORT = "gdprExportJob";

  /** Job name of the erasure. */
  public static final String ERASURE = "gdprErasureJob";

  /** Identifying parameter: the request's id (string). */
  public static final String REQUEST_ID = "requestId";

  /** Identifying parameter: the data subject's id (string). */
  public static final String SUBJECT_ID = "subjectId";

  /** The job that serves each request type ({@code data_subject_requests.type}). */
  static final Map<String, String> BY_REQUEST_TYPE = Map.of("EXPORT", EXPORT, "ERASURE", ERASURE);

  private GdprJobs() {}
}
