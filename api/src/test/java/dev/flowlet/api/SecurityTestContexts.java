package dev.flowlet.api;

/**
 * Property sets of the security tests. Test classes with the same set share one application
 * context, so each set below is one running API.
 */
final class SecurityTestContexts {

  /** The API behind a proxy on this host: tests can act as distinct clients via X-Forwarded-For. */
  static final String BEHIND_LOCAL_PROXY = "flowlet.api.trusted-proxies=127.0.0.1/32,::1/128";

  /** Production rate limits switched on (the local profile switches them off). */
  static final String RATE_LIMITED = "flowlet.api.rate-limits.enabled=true";

  private SecurityTestContexts() {}
}
