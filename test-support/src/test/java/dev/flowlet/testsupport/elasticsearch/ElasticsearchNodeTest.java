package dev.flowlet.testsupport.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElasticsearchNodeTest {

  private static final String AUDIT_EVENTS_MAPPING =
      """
      {"mappings": {"properties": {
        "accountId": {"type": "keyword"},
        "amountCents": {"type": "long"},
        "description": {"type": "text"}
      }}}""";

  private static final String CARD_PAYMENT =
      """
      {"accountId": "acc-42", "amountCents": 1250, "description": "card payment at the bakery"}""";

  private static final String CARD_PAYMENTS_OF_ACC_42 =
      """
      {"query": {"bool": {
        "filter": [{"term": {"accountId": "acc-42"}}],
        "must": [{"match": {"description": "card"}}]
      }}}""";

  @TempDir Path workDir;

  @Test
  void keepsAnIndexedDocumentAcrossARestartOnTheSameWorkDir() throws Exception {
    ElasticsearchNode first = ElasticsearchNode.start(workDir, 0);
    try (first;
        HttpClient http = HttpClient.newHttpClient()) {
      assertThat(first.httpUrl()).isEqualTo("http://127.0.0.1:" + first.httpPort());

      assertThat(send(http, first, "PUT", "/audit-events", AUDIT_EVENTS_MAPPING).statusCode())
          .isEqualTo(200);
      assertThat(send(http, first, "GET", "/audit-events/_mapping", null).body())
          .contains("\"accountId\":{\"type\":\"keyword\"}");
      HttpResponse<String> indexed =
          send(http, first, "PUT", "/audit-events/_doc/evt-1?refresh=true", CARD_PAYMENT);
      assertThat(indexed.statusCode()).isEqualTo(201);

      assertThat(send(http, first, "GET", "/audit-events/_doc/evt-1", null).body())
          .contains("\"found\":true", "\"accountId\": \"acc-42\"");
      assertThat(searchCardPayments(http, first))
          .contains("\"total\":{\"value\":1,\"relation\":\"eq\"}", "\"_id\":\"evt-1\"");
    }
    assertThat(first.isAlive()).isFalse();

    try (ElasticsearchNode restarted = ElasticsearchNode.start(workDir, first.httpPort());
        HttpClient http = HttpClient.newHttpClient()) {
      assertThat(restarted.pid()).isNotEqualTo(first.pid());
      HttpResponse<String> found = send(http, restarted, "GET", "/audit-events/_doc/evt-1", null);
      assertThat(found.statusCode()).isEqualTo(200);
      assertThat(found.body()).contains("\"amountCents\": 1250");
      assertThat(searchCardPayments(http, restarted)).contains("\"_id\":\"evt-1\"");
    }
  }

  @Test
  void refusesToStartOnAPortThatIsAlreadyTaken() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() -> ElasticsearchNode.start(workDir, taken.getLocalPort()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("127.0.0.1:" + taken.getLocalPort() + " is already in use");
    }
  }

  private static String searchCardPayments(HttpClient http, ElasticsearchNode node)
      throws Exception {
    HttpResponse<String> response =
        send(http, node, "POST", "/audit-events/_search", CARD_PAYMENTS_OF_ACC_42);
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private static HttpResponse<String> send(
      HttpClient http, ElasticsearchNode node, String method, String path, String json)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(node.httpUrl() + path))
            .header("Content-Type", "application/json")
            .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json))
            .build();
    return http.send(request, BodyHandlers.ofString());
  }
}
