package dev.flowlet.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Samples what must stay flat in a soak, from the apps' {@code /metrics}: heap after a full GC of
 * the api and the streams processor (the sampler asks for the GC with {@code jcmd <pid> GC.run}, so
 * the number is live data, not where the sawtooth happens to be), the streams processor's consumer
 * lag, the Elasticsearch sink's lag (its backlog), the outbox backlog and its oldest row's age.
 */
final class SoakSampler {

  /** One sample; lags are the largest of any partition, NaN when no consumer reported one. */
  record Sample(
      Instant at,
      double apiHeapAfterGc,
      double streamsHeapAfterGc,
      double streamsLag,
      double sinkLag,
      double outboxBacklog,
      double outboxOldestAge) {

    static final List<String> SERIES =
        List.of(
            "api heap after GC (MB)",
            "streams heap after GC (MB)",
            "streams consumer lag",
            "Elasticsearch sink lag",
            "outbox backlog",
            "outbox oldest age (s)");

    double value(int series) {
      return switch (series) {
        case 0 -> apiHeapAfterGc / 1e6;
        case 1 -> streamsHeapAfterGc / 1e6;
        case 2 -> streamsLag;
        case 3 -> sinkLag;
        case 4 -> outboxBacklog;
        default -> outboxOldestAge;
      };
    }
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final FaultStack stack;

  SoakSampler(FaultStack stack) {
    this.stack = stack;
  }

  Sample sample() {
    fullGc(stack.part("api").status().pid());
    fullGc(stack.part("streams-processor").status().pid());
    List<String> api = metrics(stack.apiUrl());
    List<String> streams = metrics(stack.streamsUrl());
    return new Sample(
        Instant.now(),
        sum(api, "jvm_memory_used_bytes", line -> line.contains("area=\"heap\"")),
        sum(streams, "jvm_memory_used_bytes", line -> line.contains("area=\"heap\"")),
        max(
            streams,
            "kafka_consumer_fetch_manager_records_lag_max",
            line -> !line.contains("flowlet-elasticsearch-sink")),
        max(
            streams,
            "kafka_consumer_fetch_manager_records_lag_max",
            line -> line.contains("flowlet-elasticsearch-sink")),
        sum(api, "flowlet_outbox_backlog", line -> true),
        sum(api, "flowlet_outbox_oldest_age_seconds", line -> true));
  }

  private static void fullGc(long pid) {
    Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
    try {
      Process jcmd =
          new ProcessBuilder(java.resolveSibling("jcmd").toString(), Long.toString(pid), "GC.run")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      jcmd.waitFor();
    } catch (IOException e) {
      throw new IllegalStateException("jcmd GC.run failed for pid " + pid, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static List<String> metrics(String baseUrl) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(baseUrl + "/metrics"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.body().lines().filter(line -> !line.startsWith("#")).toList();
    } catch (IOException e) {
      throw new IllegalStateException(baseUrl + "/metrics: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static double sum(List<String> lines, String name, Predicate<String> which) {
    return values(lines, name, which).stream().mapToDouble(Double::doubleValue).sum();
  }

  private static double max(List<String> lines, String name, Predicate<String> which) {
    return values(lines, name, which).stream()
        .mapToDouble(Double::doubleValue)
        .max()
        .orElse(Double.NaN);
  }

  private static List<Double> values(List<String> lines, String name, Predicate<String> which) {
    List<Double> values = new ArrayList<>();
    for (String line : lines) {
      if ((line.startsWith(name + "{") || line.startsWith(name + " ")) && which.test(line)) {
        double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        if (!Double.isNaN(value)) {
          values.add(value);
        }
      }
    }
    return values;
  }
}
