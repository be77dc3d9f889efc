package dev.flowlet.elastic;

import java.util.List;

/**
 * Every asset in the order it must be installed: the policy before the component that names it,
 * components before the index templates composed of them.
 */
final class AssetCatalog {

  static final String AUDIT_RETENTION_POLICY = "flowlet-audit-retention";

  static final List<Asset> ASSETS =
      List.of(
          Asset.of(AssetKind.LIFECYCLE_POLICY, "ilm", AUDIT_RETENTION_POLICY).needingLifecycle(),
          Asset.of(AssetKind.COMPONENT_TEMPLATE, "component-templates", "flowlet-settings"),
          Asset.of(AssetKind.COMPONENT_TEMPLATE, "component-templates", "flowlet-event-base"),
          Asset.of(AssetKind.COMPONENT_TEMPLATE, "component-templates", "flowlet-transaction-refs"),
          Asset.of(AssetKind.COMPONENT_TEMPLATE, "component-templates", "flowlet-audit-lifecycle")
              .needingLifecycle(),
          Asset.of(AssetKind.INDEX_TEMPLATE, "index-templates", "flowlet-audit"),
          Asset.of(AssetKind.INDEX_TEMPLATE, "index-templates", "flowlet-decisions"),
          Asset.of(AssetKind.INDEX_TEMPLATE, "index-templates", "flowlet-alerts"));

  private AssetCatalog() {}
}
