package dev.flowlet.elastic;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.ResponseException;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import dev.flowlet.testsupport.FlowletInfrastructure;
import java.io.IOException;
import java.net.URI;
import org.apache.hc.core5.http.HttpHost;
import tools.jackson.databind.JsonNode;

/** The shared real Elasticsearch node of this test JVM, spoken to over raw HTTP. */
final class TestCluster {

  private static Rest5Client client;

  private TestCluster() {}

  static synchronized Rest5Client client() {
    if (client == null) {
      String url = FlowletInfrastructure.shared().elasticsearchUrl();
      client = Rest5Client.builder(HttpHost.create(URI.create(url))).build();
    }
    return client;
  }

  static ClusterHttp.Reply get(String path) {
    return new ClusterHttp(client()).get(path);
  }

  static ClusterHttp.Reply put(String path, String json) {
    return new ClusterHttp(client()).put(path, json);
  }

  /** A POST that must succeed, such as a search. */
  static JsonNode post(String path, String json) {
    Request request = new Request("POST", path);
    request.setJsonEntity(json);
    try {
      var response = client().performRequest(request);
      return ShippedTemplates.JSON.readTree(response.getEntity().getContent());
    } catch (IOException e) {
      throw new AssertionError("POST " + path + " failed", e);
    }
  }

  static JsonNode getJson(String path) {
    ClusterHttp.Reply reply = get(path);
    if (!reply.ok()) {
      throw new AssertionError("GET " + path + " answered " + reply.describe());
    }
    return reply.json();
  }

  /** Sends a request whose outcome the test does not assert on (404 is fine). */
  static void delete(String path) {
    try {
      client().performRequest(new Request("DELETE", path));
    } catch (ResponseException e) {
      if (e.getResponse().getStatusCode() != 404) {
        throw new AssertionError("DELETE " + path + " failed", e);
      }
    } catch (IOException e) {
      throw new AssertionError("DELETE " + path + " failed", e);
    }
  }

  /** Removes every Flowlet template so that the next installation starts from nothing. */
  static void removeFlowletTemplates() {
    for (Asset asset : AssetCatalog.ASSETS.reversed()) {
      if (asset.kind() != AssetKind.LIFECYCLE_POLICY) {
        delete(asset.kind().path(asset.name()));
      }
    }
  }
}
