package dev.flowlet.ops;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the files under test live. The tests run with the module folder as working directory
 * (Surefire's {@code basedir}); the deployment artefacts are next to it, in {@code ../deploy}.
 */
public final class Repository {

  private Repository() {}

  /** The {@code grafana-dashboards} module folder. */
  public static Path module() {
    Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    if (!Files.isRegularFile(module.resolve("METRICS.md"))) {
      throw new IllegalStateException("not the grafana-dashboards module: " + module);
    }
    return module;
  }

  /** The repository's root folder. */
  public static Path root() {
    return module().getParent();
  }

  /** A path inside the {@code deploy} folder. */
  public static Path deploy(String relative) {
    return root().resolve("deploy").resolve(relative);
  }

  /** A path inside the {@code grafana-dashboards} module. */
  public static Path monitoring(String relative) {
    return module().resolve(relative);
  }
}
