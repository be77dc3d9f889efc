package dev.flowlet.api.compliance;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Runs a checked search against Elasticsearch and turns its hits into a page. */
@Component
class ComplianceSearch {

  private static final Logger log = LoggerFactory.getLogger(ComplianceSearch.class);

  private final ElasticsearchClient elasticsearch;

  ComplianceSearch(ElasticsearchClient elasticsearch) {
    this.elasticsearch = elasticsearch;
  }

  /**
   * @throws SearchUnavailable when Elasticsearch cannot answer now
   * @throws BadSearchParameter when Elasticsearch refuses the free text
   */
  SearchPage search(SearchFilters search) {
    SearchResponse<ObjectNode> response;
    try {
      response = elasticsearch.search(ComplianceQuery.of(search), ObjectNode.class);
    } catch (IOException e) {
      throw new SearchUnavailable("Elasticsearch unreachable", e);
    } catch (ElasticsearchException e) {
      if (e.status() == 400 && search.q() != null) {
        // Filters are exact terms that cannot fail; what Elasticsearch can refuse is the text,
        // e.g. a pattern that expands to too many terms.
        throw new BadSearchParameter("q", "is too complex to search; use fewer or longer words");
      }
      // The error type only: Elasticsearch's reason may quote the search's values.
      log.warn("Elasticsearch refused a compliance search: {} {}", e.status(), e.error().type());
      throw new SearchUnavailable("Elasticsearch refused the search", e);
    }
    List<Hit<ObjectNode>> hits = response.hits().hits();
    boolean more = hits.size() > search.limit();
    List<Hit<ObjectNode>> page = more ? hits.subList(0, search.limit()) : hits;
    List<ObjectNode> items = new ArrayList<>(page.size());
    for (Hit<ObjectNode> hit : page) {
      ObjectNode item = JsonNodeFactory.instance.objectNode();
      item.put("id", hit.id());
      if (hit.source() != null) {
        item.setAll(hit.source());
      }
      items.add(item);
    }
    String next =
        more ? SearchCursor.encode(positionOf(page.getLast()), search.fingerprint()) : null;
    return new SearchPage(items, next);
  }

  private static SearchCursor.Position positionOf(Hit<?> hit) {
    List<FieldValue> sort = hit.sort();
    FieldValue time = sort.get(0);
    FieldValue id = sort.get(1);
    long millis = time.isLong() ? time.longValue() : (long) time.doubleValue();
    return new SearchCursor.Position(millis, id.isString() ? id.stringValue() : hit.id());
  }

  /**
   * One page of a search, newest first.
   *
   * @param items the documents as indexed, each with its document {@code id}
   * @param next the cursor of the following page, or null on the last page
   */
  record SearchPage(List<ObjectNode> items, String next) {}
}
