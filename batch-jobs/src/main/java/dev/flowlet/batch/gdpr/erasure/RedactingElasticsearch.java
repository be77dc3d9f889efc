package dev.flowlet.batch.gdpr.erasure;

import dev.flowlet.batch.gdpr.erasure.ElasticsearchDocuments.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * {@code erasureElasticsearchStep}: finds the subject's decisions and alerts by customer id and
 * rewrites (bulk index under the same id) every document in which a string names the subject: that
 * string becomes {@code [erased]}. Ids, scores, amounts and times stay. Audit documents are never
 * rewritten: they are hash-chained and carry ids only. A document with nothing to redact is not
 * rewritten, so a second run writes nothing.
 */
final class RedactingElasticsearch implements Tasklet {

  /** The indices that are redacted; audit indices deliberately not among them. */
  static final String REDACTED_INDICES = "flowlet-decisions-*,flowlet-alerts-*";

  private final ElasticsearchDocuments elasticsearch;
  private final ErasureRequests requests;
  private final IdentifierMemory memory;
  private final ErasureSettings settings;

  RedactingElasticsearch(
      ElasticsearchDocuments elasticsearch,
      ErasureRequests requests,
      IdentifierMemory memory,
      ErasureSettings settings) {
    this.elasticsearch = elasticsearch;
    this.requests = requests;
    this.memory = memory;
    this.settings = settings;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext)
      throws Exception {
    ErasureRun run = ErasureRun.of(contribution);
    requests.progress(
        run.requestId(), "erasureElasticsearchStep", 2, ErasureJobConfiguration.STEPS);
    Predicate<String> names = namesSubject(run);
    long[] seen = {0};
    long[] rewritten = {0};
    elasticsearch.forEach(
        REDACTED_INDICES,
        "customerId",
        run.subjectId().toString(),
        settings.pageSize(),
        page -> {
          List<Hit> changed = new ArrayList<>();
          for (Hit hit : page) {
            if (redact(hit.source(), names)) {
              changed.add(hit);
            }
          }
          try {
            elasticsearch.index(changed);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while redacting", e);
          }
          seen[0] += page.size();
          rewritten[0] += changed.size();
        });
    elasticsearch.refresh(REDACTED_INDICES);
    run.count(
        "elasticsearch",
        Map.of("documentsFound", (int) seen[0], "documentsRewritten", (int) rewritten[0]));
    contribution.incrementReadCount();
    return RepeatStatus.FINISHED;
  }

  private Predicate<String> namesSubject(ErasureRun run) {
    var clear = memory.recall(run.requestId().toString());
    if (clear.isPresent()) {
      return clear.get()::foundIn;
    }
    var hashes = run.hashes().values();
    return text -> hashes.contains(Identifiers.sha256(Identifiers.normalise(text)));
  }

  /** Replaces every string naming the subject; whether anything changed. */
  static boolean redact(JsonNode node, Predicate<String> namesSubject) {
    boolean changed = false;
    if (node instanceof ObjectNode object) {
      for (String field : List.copyOf(object.propertyNames())) {
        JsonNode value = object.get(field);
        if (value.isString() && namesSubject.test(value.asString())) {
          object.set(field, StringNode.valueOf(ResidueScrubbing.REPLACEMENT));
          changed = true;
        } else {
          changed |= redact(value, namesSubject);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode value = array.get(i);
        if (value.isString() && namesSubject.test(value.asString())) {
          array.set(i, StringNode.valueOf(ResidueScrubbing.REPLACEMENT));
          changed = true;
        } else {
          changed |= redact(value, namesSubject);
        }
      }
    }
    return changed;
  }
}
