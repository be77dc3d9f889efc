package dev.flowlet.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AssetCatalogTest {

  @Test
  void installsEveryShippedJsonResourceAndNothingElse() throws IOException, URISyntaxException {
    Path root = Path.of(AssetCatalogTest.class.getResource("/elastic").toURI());
    List<String> shipped;
    try (Stream<Path> files = Files.walk(root)) {
      shipped =
          files
              .filter(f -> f.toString().endsWith(".json"))
              .map(f -> "/elastic/" + root.relativize(f).toString().replace('\\', '/'))
              .toList();
    }

    assertThat(AssetCatalog.ASSETS.stream().map(Asset::resource))
        .containsExactlyInAnyOrderElementsOf(shipped);
  }

  @Test
  void installsEveryComponentBeforeTheIndexTemplatesComposedOfIt() {
    Set<String> installedSoFar = new HashSet<>();
    for (Asset asset : AssetCatalog.ASSETS) {
      if (asset.kind() == AssetKind.INDEX_TEMPLATE) {
        for (JsonNode component :
            ShippedTemplates.indexTemplate(asset.name()).path("composed_of")) {
          assertThat(installedSoFar)
              .as("components installed before %s", asset.name())
              .contains(component.asString());
        }
      }
      installedSoFar.add(asset.name());
    }
  }

  @Test
  void letsAnIndexTemplateMissOnlyComponentsThatNeedLifecycle() {
    Set<String> needingLifecycle = new HashSet<>();
    AssetCatalog.ASSETS.stream()
        .filter(Asset::needsLifecycle)
        .forEach(asset -> needingLifecycle.add(asset.name()));
    for (String name : ShippedTemplates.INDEX_TEMPLATES) {
      JsonNode template = ShippedTemplates.indexTemplate(name);
      List<String> composedOf = names(template.path("composed_of"));
      List<String> mayBeMissing = names(template.path("ignore_missing_component_templates"));

      assertThat(mayBeMissing).as(name).isSubsetOf(needingLifecycle);
      assertThat(composedOf.stream().filter(needingLifecycle::contains))
          .as("%s lists every lifecycle component it uses as possibly missing", name)
          .allMatch(mayBeMissing::contains);
    }
  }

  @Test
  void attachesTheRetentionPolicyToAuditIndicesOnly() {
    JsonNode lifecycle = ShippedTemplates.componentTemplate("flowlet-audit-lifecycle");

    assertThat(lifecycle.at("/template/settings/index/lifecycle/name").asString())
        .isEqualTo(AssetCatalog.AUDIT_RETENTION_POLICY);
    assertThat(names(ShippedTemplates.indexTemplate("flowlet-audit").path("composed_of")))
        .contains("flowlet-audit-lifecycle");
    assertThat(names(ShippedTemplates.indexTemplate("flowlet-decisions").path("composed_of")))
        .doesNotContain("flowlet-audit-lifecycle");
    assertThat(names(ShippedTemplates.indexTemplate("flowlet-alerts").path("composed_of")))
        .doesNotContain("flowlet-audit-lifecycle");
  }

  private static List<String> names(JsonNode array) {
    List<String> names = new ArrayList<>();
    array.forEach(n -> names.add(n.asString()));
    return names;
  }
}
