package dev.flowlet.elastic;

/**
 * Whether the cluster has ILM, read from its answer to {@code GET _ilm/policy/<name>}. A cluster
 * without x-pack has no handler for that path (400 "no handler found"; other servers and proxies
 * answer 404, 405, 410 or 501); a cluster with ILM answers 200, or 404 with {@code
 * resource_not_found_exception} when the policy is not there yet. Anything else (401, 403, 5xx) is
 * a real problem and must not be mistaken for "no ILM": retention would silently go missing.
 */
final class LifecycleSupport {

  private LifecycleSupport() {}

  static boolean availableGiven(ClusterHttp.Reply reply) {
    if (reply.status() == 200) {
      return true;
    }
    if (reply.status() == 404 && "resource_not_found_exception".equals(reply.errorType())) {
      return true;
    }
    return switch (reply.status()) {
      case 400, 404, 405, 410, 501 -> false;
      default ->
          throw new IllegalStateException(
              "Cannot tell whether Elasticsearch has ILM: GET _ilm/policy answered "
                  + reply.describe());
    };
  }
}
