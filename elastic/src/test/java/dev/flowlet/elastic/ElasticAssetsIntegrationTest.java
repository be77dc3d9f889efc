package dev.flowlet.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/** The installer against the real (x-pack-less) node of test-support. */
class ElasticAssetsIntegrationTest {

  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger installerLog = (Logger) LoggerFactory.getLogger(ElasticAssets.class);

  @BeforeEach
  void startFromAClusterWithoutFlowletTemplates() {
    TestCluster.removeFlowletTemplates();
    logged.start();
    installerLog.addAppender(logged);
  }

  @AfterEach
  void leaveTheShippedTemplatesInstalled() {
    installerLog.detachAppender(logged);
    ElasticAssets.defaults().install(TestCluster.client());
  }

  @Test
  void createsEveryTemplateThenSendsNothingOnTheSecondRun() {
    InstallReport first = ElasticAssets.defaults().install(TestCluster.client());
    Map<String, Long> modifiedAfterFirst = templatesModifiedMillis();

    InstallReport second = ElasticAssets.defaults().install(TestCluster.client());

    assertThat(first.assets())
        .filteredOn(a -> a.kind() != AssetKind.LIFECYCLE_POLICY)
        .filteredOn(a -> !a.name().equals("flowlet-audit-lifecycle"))
        .extracting(InstallReport.Entry::outcome)
        .hasSize(6)
        .containsOnly(InstallReport.Outcome.CREATED);
    assertThat(second.changedAnything()).isFalse();
    assertThat(second.assets())
        .extracting(InstallReport.Entry::outcome)
        .containsOnly(InstallReport.Outcome.UNCHANGED, InstallReport.Outcome.SKIPPED);
    assertThat(modifiedAfterFirst)
        .hasSize(6)
        .allSatisfy((name, millis) -> assertThat(millis).isPositive());
    assertThat(templatesModifiedMillis()).isEqualTo(modifiedAfterFirst);
  }

  /**
   * The embedded node has no x-pack; the Testcontainers image has ILM. Either way the installer
   * must do what fits the cluster, which this test learns from another endpoint than the
   * installer's.
   */
  @Test
  void attachesRetentionWhereTheClusterHasIlmAndOtherwiseWarnsOnceAndSkipsIt() {
    boolean clusterHasIlm = TestCluster.get("/_ilm/status").ok();

    InstallReport report = ElasticAssets.defaults().install(TestCluster.client());

    assertThat(report.lifecycleAvailable()).isEqualTo(clusterHasIlm);
    assertThat(report.outcomeOf("flowlet-audit")).hasValue(InstallReport.Outcome.CREATED);
    List<String> warnings =
        logged.list.stream()
            .filter(e -> e.getLevel() == Level.WARN)
            .map(ILoggingEvent::getFormattedMessage)
            .toList();
    if (clusterHasIlm) {
      assertThat(report.outcomeOf("flowlet-audit-retention"))
          .get()
          .isIn(InstallReport.Outcome.CREATED, InstallReport.Outcome.UNCHANGED);
      assertThat(report.outcomeOf("flowlet-audit-lifecycle"))
          .hasValue(InstallReport.Outcome.CREATED);
      assertThat(warnings).isEmpty();
      TestCluster.delete("/flowlet-audit-2031.01");
      assertThat(TestCluster.put("/flowlet-audit-2031.01", "{}").ok()).isTrue();
      assertThat(
              TestCluster.getJson("/flowlet-audit-2031.01/_settings")
                  .at("/flowlet-audit-2031.01/settings/index/lifecycle/name")
                  .asString())
          .isEqualTo("flowlet-audit-retention");
      TestCluster.delete("/flowlet-audit-2031.01");
    } else {
      assertThat(report.outcomeOf("flowlet-audit-retention"))
          .hasValue(InstallReport.Outcome.SKIPPED);
      assertThat(report.outcomeOf("flowlet-audit-lifecycle"))
          .hasValue(InstallReport.Outcome.SKIPPED);
      assertThat(warnings)
          .containsExactly(
              "ILM not available on this cluster (no x-pack): retention policy"
                  + " flowlet-audit-retention not installed; templates installed without"
                  + " lifecycle");
    }
  }

  @Test
  void replacesOnlyTheTemplateThatDriftedFromTheShippedOne() {
    ElasticAssets.defaults().install(TestCluster.client());
    ClusterHttp.Reply drift =
        TestCluster.put(
            "/_component_template/flowlet-transaction-refs",
            "{\"template\":{\"mappings\":{\"properties\":{\"accountId\":{\"type\":\"keyword\"}}}}}");
    assertThat(drift.ok()).as(drift.describe()).isTrue();

    InstallReport report = ElasticAssets.defaults().install(TestCluster.client());

    assertThat(report.assets())
        .filteredOn(a -> a.outcome() == InstallReport.Outcome.UPDATED)
        .extracting(InstallReport.Entry::name)
        .containsExactly("flowlet-transaction-refs");
    assertThat(
            TestCluster.getJson("/_component_template/flowlet-transaction-refs")
                .at(
                    "/component_templates/0/component_template/template/mappings/properties/customerId/type")
                .asString())
        .isEqualTo("keyword");
  }

  @Test
  void givesNewIndicesTheFixedReplicaCountItWasAskedFor() {
    InstallReport report = ElasticAssets.withReplicas(2).install(TestCluster.client());
    TestCluster.delete("/flowlet-alerts-2031.01");
    assertThat(TestCluster.put("/flowlet-alerts-2031.01", "{}").ok()).isTrue();

    JsonNode settings =
        TestCluster.getJson("/flowlet-alerts-2031.01/_settings")
            .at("/flowlet-alerts-2031.01/settings/index");

    assertThat(report.outcomeOf("flowlet-settings")).hasValue(InstallReport.Outcome.CREATED);
    assertThat(settings.path("number_of_replicas").asString()).isEqualTo("2");
    assertThat(settings.has("auto_expand_replicas")).isFalse();
    TestCluster.delete("/flowlet-alerts-2031.01");
  }

  @Test
  void installsThroughTheTypedClientSpringBootProvides() {
    ElasticsearchClient typed =
        new ElasticsearchClient(
            new Rest5ClientTransport(TestCluster.client(), new Jackson3JsonpMapper()));

    InstallReport report = ElasticAssets.defaults().install(typed);

    assertThat(report.outcomeOf("flowlet-decisions")).hasValue(InstallReport.Outcome.CREATED);
  }

  private static Map<String, Long> templatesModifiedMillis() {
    Map<String, Long> modified = new LinkedHashMap<>();
    for (Asset asset : AssetCatalog.ASSETS) {
      ClusterHttp.Reply reply = TestCluster.get(asset.kind().path(asset.name()));
      if (reply.ok()) {
        JsonNode stored =
            reply.json().at(asset.kind().storedMetaPointer(asset.name()).replace("/_meta", ""));
        modified.put(asset.name(), stored.path("modified_date_millis").asLong());
      }
    }
    return modified;
  }
}
