package dev.flowlet.local.verify;

/**
 * One end-to-end check of {@code ./flowlet verify}. A new check (the audit chain's, for one) plugs
 * in by implementing this and joining the list in {@link Verifier#standardChecks}.
 */
public interface Check {

  /** What is checked, e.g. {@code decisions in Elasticsearch}. */
  String name();

  /**
   * Runs the check once.
   *
   * @throws VerifyException when the check cannot run (a server does not answer)
   */
  CheckResult run(VerifyContext context);
}
