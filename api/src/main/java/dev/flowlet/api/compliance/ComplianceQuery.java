package dev.flowlet.api.compliance;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import dev.flowlet.api.compliance.SearchedIndex.Filter;
import java.util.List;
import java.util.Map;

/**
 * Builds the Elasticsearch request of a search with the client's builders, never by pasting text:
 * each filter is a {@code term} query (one of the filter's fields must equal the value), the time
 * range a {@code range} query, the free text a {@code simple_query_string} on the index's text
 * fields, which never fails on bad syntax. Newest first, the id breaking ties, paged with {@code
 * search_after} (no 10,000-hit window) and without counting all hits.
 */
final class ComplianceQuery {

  private ComplianceQuery() {}

  /** Asks for one hit more than the page holds: its presence says that a next page exists. */
  static SearchRequest of(SearchFilters search) {
    SearchedIndex index = search.index();
    BoolQuery.Builder bool = new BoolQuery.Builder();
    for (Map.Entry<Filter, String> filter : search.filters().entrySet()) {
      bool.filter(anyFieldEquals(search.fieldsOf(filter.getKey()), filter.getValue()));
    }
    if (search.from() != null || search.to() != null) {
      bool.filter(
          Query.of(
              query ->
                  query.range(
                      range ->
                          range.date(
                              date -> {
                                date.field(index.timeField());
                                if (search.from() != null) {
                                  date.gte(search.from().toString());
                                }
                                if (search.to() != null) {
                                  date.lte(search.to().toString());
                                }
                                return date;
                              }))));
    }
    if (search.q() != null) {
      bool.must(
          Query.of(
              query ->
                  query.simpleQueryString(
                      text ->
                          text.query(search.q())
                              .fields(index.textFields())
                              .defaultOperator(Operator.And)
                              .lenient(true))));
    }
    BoolQuery query = bool.build();
    return SearchRequest.of(
        request -> {
          request
              .index(index.alias())
              .ignoreUnavailable(true)
              .allowNoIndices(true)
              .size(search.limit() + 1)
              .trackTotalHits(total -> total.enabled(false))
              .query(query._toQuery())
              .sort(
                  sort ->
                      sort.field(
                          field ->
                              field
                                  .field(index.timeField())
                                  .order(SortOrder.Desc)
                                  .unmappedType(FieldType.Date)))
              .sort(
                  sort ->
                      sort.field(
                          field ->
                              field
                                  .field(index.idField())
                                  .order(SortOrder.Desc)
                                  .unmappedType(FieldType.Keyword)));
          if (search.after() != null) {
            request.searchAfter(
                FieldValue.of(search.after().timeMillis()), FieldValue.of(search.after().id()));
          }
          return request;
        });
  }

  private static Query anyFieldEquals(List<String> fields, String value) {
    if (fields.size() == 1) {
      return term(fields.getFirst(), value);
    }
    return Query.of(
        query ->
            query.bool(
                any ->
                    any.should(fields.stream().map(field -> term(field, value)).toList())
                        .minimumShouldMatch("1")));
  }

  private static Query term(String field, String value) {
    return Query.of(query -> query.term(term -> term.field(field).value(FieldValue.of(value))));
  }
}
