package dev.flowlet.api.compliance;

/**
 * Elasticsearch did not answer the search (unreachable, timed out, overloaded or failing); answered
 * 503 with {@code Retry-After}, because the same search may well succeed a little later.
 */
class SearchUnavailable extends RuntimeException {

  SearchUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
