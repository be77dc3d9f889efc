/**
 * The jobs contract: {@code POST /api/v1/jobs/{jobName}} starts a job with a JSON object of
 * parameters, {@code GET /api/v1/jobs/executions/{id}} shows its status, progress and report,
 * {@code POST /api/v1/jobs/executions/{id}/restart} resumes a failed or crashed one; crashed ones
 * are also resumed without a request ({@code CrashedExecutions}).
 */
package dev.flowlet.batch.jobs;
