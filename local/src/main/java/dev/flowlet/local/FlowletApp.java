package dev.flowlet.local;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** The three apps, in start order. */
enum FlowletApp {
  API("flowlet-api", "FLOWLET_API_PORT"),
  STREAMS_PROCESSOR("flowlet-streams-processor", "FLOWLET_STREAMS_PORT"),
  BATCH_JOBS("flowlet-batch-jobs", "FLOWLET_BATCH_PORT");

  final String artifact;

  /** The environment variable the app reads its HTTP port from. */
  final String portVariable;

  FlowletApp(String artifact, String portVariable) {
    this.artifact = artifact;
    this.portVariable = portVariable;
  }

  Path jar(Path root) {
    return root.resolve(folder()).resolve("target").resolve(artifact + "-exec.jar");
  }

  /** The app's folder in the checkout, e.g. {@code streams-processor}. */
  String folder() {
    return artifact.substring("flowlet-".length());
  }

  static Optional<FlowletApp> byFolder(String folder) {
    return Arrays.stream(values()).filter(app -> app.folder().equals(folder)).findFirst();
  }

  int port(LocalSettings settings) {
    return switch (this) {
      case API -> settings.apiPort();
      case STREAMS_PROCESSOR -> settings.streamsPort();
      case BATCH_JOBS -> settings.batchPort();
    };
  }
}
