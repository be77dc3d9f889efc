package dev.flowlet.testsupport.postgres;

/** Reads and rewrites {@code jdbc:postgresql://host:port/database?params} URLs. */
final class JdbcUrls {

  private static final String PREFIX = "jdbc:postgresql://";

  private JdbcUrls() {}

  static void requirePostgres(String url, String source) {
    if (url == null || !url.startsWith(PREFIX)) {
      throw new IllegalArgumentException(
          source
              + " must be a jdbc:postgresql://host:port/database URL, not '"
              + withoutParameters(url)
              + "'");
    }
  }

  /** The same server and parameters, another database. */
  static String withDatabase(String url, String database) {
    int authorityEnd = url.indexOf('/', PREFIX.length());
    int queryStart = url.indexOf('?', PREFIX.length());
    String query = queryStart < 0 ? "" : url.substring(queryStart);
    String authority;
    if (authorityEnd < 0 || (queryStart >= 0 && queryStart < authorityEnd)) {
      authority = url.substring(0, queryStart < 0 ? url.length() : queryStart);
    } else {
      authority = url.substring(0, authorityEnd);
    }
    return authority + "/" + database + query;
  }

  /** Parameters may carry a password: error messages and logs show the URL without them. */
  static String withoutParameters(String url) {
    if (url == null) {
      return null;
    }
    int queryStart = url.indexOf('?');
    return queryStart < 0 ? url : url.substring(0, queryStart);
  }
}
