package dev.flowlet.batch.jobs;

/**
 * Marks exceptions whose message tells an operator why a job failed and holds no row data, so it
 * can be shown as the execution report's {@code error}. Other failures are reported generically
 * (the server log has them).
 */
public interface OperatorFacingFailure {}
