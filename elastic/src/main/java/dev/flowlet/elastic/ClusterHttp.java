package dev.flowlet.elastic;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Response;
import co.elastic.clients.transport.rest5_client.low_level.ResponseException;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Raw JSON over the low-level client: the installer needs status codes and bodies as the cluster
 * sends them (a missing x-pack answers with a plain-text error the typed client cannot parse).
 */
final class ClusterHttp {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Rest5Client client;

  ClusterHttp(Rest5Client client) {
    this.client = client;
  }

  Reply get(String path) {
    return perform(new Request("GET", path));
  }

  Reply put(String path, String json) {
    Request request = new Request("PUT", path);
    request.setJsonEntity(json);
    return perform(request);
  }

  private Reply perform(Request request) {
    try {
      Response response;
      try {
        response = client.performRequest(request);
      } catch (ResponseException e) {
        response = e.getResponse();
      }
      return new Reply(response.getStatusCode(), text(response.getEntity()));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Elasticsearch unreachable for "
              + request.getMethod()
              + " "
              + request.getEndpoint()
              + " while installing Flowlet assets",
          e);
    }
  }

  private static String text(HttpEntity entity) throws IOException {
    if (entity == null) {
      return "";
    }
    try {
      return EntityUtils.toString(entity);
    } catch (ParseException e) {
      throw new IOException("Unreadable response body", e);
    }
  }

  /**
   * One answer.
   *
   * @param status the HTTP status
   * @param body the body as sent, possibly empty
   */
  record Reply(int status, String body) {

    boolean ok() {
      return status >= 200 && status < 300;
    }

    /** The body as JSON, or a missing node when it is not JSON. */
    JsonNode json() {
      try {
        return body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
      } catch (JacksonException e) {
        return JSON.missingNode();
      }
    }

    /** {@code error.type} of an Elasticsearch error, or empty when there is none. */
    String errorType() {
      return json().path("error").path("type").asString("");
    }

    /** The status with Elasticsearch's error type and reason, for exception messages. */
    String describe() {
      JsonNode error = json().path("error");
      if (error.isObject()) {
        return status
            + " "
            + error.path("type").asString("")
            + ": "
            + error.path("reason").asString("");
      }
      if (error.isString()) {
        return status + " " + error.asString();
      }
      return status + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }
  }
}
