package dev.flowlet.testsupport.elasticsearch.node;

/**
 * What a parent process needs to start an Elasticsearch node process and to know when it is ready.
 *
 * <p>This class has no Elasticsearch imports on purpose: parents load it without the node's
 * classpath, which they read from {@link #CLASSPATH_RESOURCE} and hand to a child JVM that runs
 * {@link #MAIN_CLASS}.
 */
public final class NodeProcessProtocol {

  /** The class the child JVM runs. */
  public static final String MAIN_CLASS =
      "dev.flowlet.testsupport.elasticsearch.node.ElasticsearchNodeMain";

  /**
   * A resource in this artifact holding the node's runtime classpath (absolute paths joined with
   * the platform path separator), not including this artifact itself.
   */
  public static final String CLASSPATH_RESOURCE = "flowlet-elasticsearch-node.classpath";

  /** The node prints this, followed by its HTTP URL, as one line on stdout once HTTP is bound. */
  public static final String READY_PREFIX = "FLOWLET_ES_READY ";

  private NodeProcessProtocol() {}
}
