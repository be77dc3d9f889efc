package dev.flowlet.elastic;

import tools.jackson.databind.node.ObjectNode;

/**
 * The kinds of cluster objects the installer manages, each with its REST path and the place its
 * {@code _meta} lives, which is where the installer records what it installed.
 */
public enum AssetKind {
  /** An ILM policy ({@code _ilm/policy}); needs x-pack. */
  LIFECYCLE_POLICY("/_ilm/policy/"),
  /** A component template ({@code _component_template}): a piece shared by index templates. */
  COMPONENT_TEMPLATE("/_component_template/"),
  /** A composable index template ({@code _index_template}). */
  INDEX_TEMPLATE("/_index_template/");

  private final String pathPrefix;

  AssetKind(String pathPrefix) {
    this.pathPrefix = pathPrefix;
  }

  String path(String name) {
    return pathPrefix + name;
  }

  /** The object of a PUT body that holds {@code _meta}: a policy keeps it inside {@code policy}. */
  ObjectNode metaHolder(ObjectNode body) {
    return this == LIFECYCLE_POLICY ? (ObjectNode) body.required("policy") : body;
  }

  /** Where a GET of {@link #path(String)} answers with the stored {@code _meta}. */
  String storedMetaPointer(String name) {
    return switch (this) {
      case LIFECYCLE_POLICY -> "/" + name + "/policy/_meta";
      case COMPONENT_TEMPLATE -> "/component_templates/0/component_template/_meta";
      case INDEX_TEMPLATE -> "/index_templates/0/index_template/_meta";
    };
  }
}
