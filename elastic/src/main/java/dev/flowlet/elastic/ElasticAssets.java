package dev.flowlet.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs Flowlet's index templates (and, where the cluster has ILM, the audit retention policy)
 * so that every monthly index the sink creates gets the right mapping, settings and read alias.
 * Call it at application startup, before anything indexes: an index created before its template
 * keeps a guessed mapping for its whole life.
 *
 * <p>Idempotent. Each object carries in its {@code _meta} a checksum of what was sent; an object
 * whose checksum matches is left alone ({@link InstallReport.Outcome#UNCHANGED}), so a second run
 * sends nothing. On a cluster without ILM (no x-pack, as the in-process test node) one warning says
 * so and the templates are installed without lifecycle. Plain Java: any app can call it.
 *
 * <pre>{@code
 * InstallReport report = ElasticAssets.defaults().install(elasticsearchClient);
 * }</pre>
 */
public final class ElasticAssets {

  static final String NO_LIFECYCLE_WARNING =
      "ILM not available on this cluster (no x-pack): retention policy "
          + AssetCatalog.AUDIT_RETENTION_POLICY
          + " not installed; templates installed without lifecycle";

  private static final Logger log = LoggerFactory.getLogger(ElasticAssets.class);

  private final AssetRenderer renderer;

  private ElasticAssets(OptionalInt replicas) {
    this.renderer = new AssetRenderer(replicas);
  }

  /**
   * Replicas chosen by the cluster: one where there is a second data node, none on a single node
   * (whose indices would otherwise stay yellow forever).
   */
  public static ElasticAssets defaults() {
    return new ElasticAssets(OptionalInt.empty());
  }

  /** A fixed number of replicas for every new Flowlet index. */
  public static ElasticAssets withReplicas(int replicas) {
    if (replicas < 0) {
      throw new IllegalArgumentException("Replicas must be 0 or more, not " + replicas);
    }
    return new ElasticAssets(OptionalInt.of(replicas));
  }

  /**
   * Installs through the low-level client of a typed client built on {@link Rest5ClientTransport}
   * (what Spring Boot 4 auto-configures).
   *
   * @throws IllegalArgumentException when the client uses another transport
   */
  public InstallReport install(ElasticsearchClient client) {
    if (client._transport() instanceof Rest5ClientTransport transport) {
      return install(transport.restClient());
    }
    throw new IllegalArgumentException(
        "Installing Flowlet assets needs an ElasticsearchClient on a Rest5ClientTransport, not "
            + client._transport().getClass().getName()
            + "; pass its Rest5Client instead");
  }

  /**
   * Installs every asset, in dependency order.
   *
   * @throws java.io.UncheckedIOException when Elasticsearch cannot be reached (retry later)
   * @throws IllegalStateException when Elasticsearch refuses an asset or denies access; nothing
   *     after that asset is installed
   */
  public InstallReport install(Rest5Client client) {
    ClusterHttp cluster = new ClusterHttp(client);
    boolean lifecycle =
        LifecycleSupport.availableGiven(
            cluster.get(AssetKind.LIFECYCLE_POLICY.path(AssetCatalog.AUDIT_RETENTION_POLICY)));
    if (!lifecycle) {
      log.warn(NO_LIFECYCLE_WARNING);
    }
    List<InstallReport.Entry> entries = new ArrayList<>();
    for (Asset asset : AssetCatalog.ASSETS) {
      InstallReport.Outcome outcome =
          asset.needsLifecycle() && !lifecycle
              ? InstallReport.Outcome.SKIPPED
              : apply(cluster, renderer.render(asset));
      entries.add(new InstallReport.Entry(asset.kind(), asset.name(), outcome));
    }
    InstallReport report = new InstallReport(lifecycle, entries);
    log.info("Elasticsearch assets: {}", report.summary());
    return report;
  }

  private static InstallReport.Outcome apply(ClusterHttp cluster, RenderedAsset rendered) {
    Asset asset = rendered.asset();
    String path = asset.kind().path(asset.name());
    ClusterHttp.Reply existing = cluster.get(path);
    InstallReport.Outcome outcome;
    if (existing.status() == 404) {
      outcome = InstallReport.Outcome.CREATED;
    } else if (existing.ok()) {
      String stored =
          existing
              .json()
              .at(asset.kind().storedMetaPointer(asset.name()))
              .path("checksum")
              .asString("");
      if (stored.equals(rendered.checksum())) {
        return InstallReport.Outcome.UNCHANGED;
      }
      outcome = InstallReport.Outcome.UPDATED;
    } else {
      throw new IllegalStateException(
          "Cannot read " + describe(asset) + " from Elasticsearch: " + existing.describe());
    }
    ClusterHttp.Reply put = cluster.put(path, rendered.json());
    if (!put.ok()) {
      throw new IllegalStateException(
          "Elasticsearch refused " + describe(asset) + ": " + put.describe());
    }
    return outcome;
  }

  private static String describe(Asset asset) {
    return asset.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + asset.name();
  }
}
