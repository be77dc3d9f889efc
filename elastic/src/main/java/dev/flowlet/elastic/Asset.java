package dev.flowlet.elastic;

/**
 * One cluster object shipped as a JSON resource.
 *
 * @param kind what it is
 * @param name its name in the cluster
 * @param resource the classpath resource holding its PUT body
 * @param needsLifecycle whether it can exist only where ILM does
 */
record Asset(AssetKind kind, String name, String resource, boolean needsLifecycle) {

  static Asset of(AssetKind kind, String folder, String name) {
    return new Asset(kind, name, "/elastic/" + folder + "/" + name + ".json", false);
  }

  Asset needingLifecycle() {
    return new Asset(kind, name, resource, true);
  }
}
