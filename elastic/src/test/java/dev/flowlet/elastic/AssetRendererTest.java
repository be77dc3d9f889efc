package dev.flowlet.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AssetRendererTest {

  private static final Asset SETTINGS =
      Asset.of(AssetKind.COMPONENT_TEMPLATE, "component-templates", "flowlet-settings");
  private static final Asset POLICY =
      Asset.of(AssetKind.LIFECYCLE_POLICY, "ilm", "flowlet-audit-retention");

  @Test
  void stampsOwnerAndChecksumIntoTheTemplateMeta() {
    RenderedAsset rendered = new AssetRenderer(OptionalInt.empty()).render(SETTINGS);

    JsonNode meta = json(rendered).path("_meta");
    assertThat(meta.path("managed_by").asString()).isEqualTo("flowlet-elastic");
    assertThat(meta.path("checksum").asString()).isEqualTo(rendered.checksum()).hasSize(64);
    assertThat(meta.path("description").asString()).isNotBlank();
  }

  @Test
  void keepsAPolicyMetaInsideThePolicyWhereIlmStoresIt() {
    JsonNode body = json(new AssetRenderer(OptionalInt.empty()).render(POLICY));

    assertThat(body.path("policy").path("_meta").path("checksum").asString()).hasSize(64);
    assertThat(body.has("_meta")).isFalse();
  }

  @Test
  void letsTheClusterChooseReplicasByDefault() {
    JsonNode index =
        json(new AssetRenderer(OptionalInt.empty()).render(SETTINGS))
            .at("/template/settings/index");

    assertThat(index.path("auto_expand_replicas").asString()).isEqualTo("0-1");
    assertThat(index.has("number_of_replicas")).isFalse();
  }

  @Test
  void fixedReplicasReplaceAutoExpansionAndChangeTheChecksum() {
    RenderedAsset auto = new AssetRenderer(OptionalInt.empty()).render(SETTINGS);
    RenderedAsset two = new AssetRenderer(OptionalInt.of(2)).render(SETTINGS);

    JsonNode index = json(two).at("/template/settings/index");
    assertThat(index.path("number_of_replicas").asInt()).isEqualTo(2);
    assertThat(index.has("auto_expand_replicas")).isFalse();
    assertThat(two.checksum()).isNotEqualTo(auto.checksum());
  }

  @Test
  void rendersTheSameBodyEveryTimeSoASecondRunSeesNoChange() {
    AssetRenderer renderer = new AssetRenderer(OptionalInt.of(1));

    assertThat(renderer.render(SETTINGS)).isEqualTo(renderer.render(SETTINGS));
  }

  private static JsonNode json(RenderedAsset rendered) {
    return ShippedTemplates.JSON.readTree(rendered.json());
  }
}
