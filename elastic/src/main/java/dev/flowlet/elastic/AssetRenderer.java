package dev.flowlet.elastic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.OptionalInt;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a resource into the body to PUT: applies the replica setting and stamps {@code _meta} with
 * who manages the object and a checksum of what was sent, so that the next installation can tell
 * "unchanged" from "changed" without comparing the cluster's normalised copy field by field.
 */
final class AssetRenderer {

  static final String MANAGED_BY = "flowlet-elastic";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Empty: let the cluster choose (0 on one node, 1 where there are two or more). */
  private final OptionalInt replicas;

  AssetRenderer(OptionalInt replicas) {
    this.replicas = replicas;
  }

  RenderedAsset render(Asset asset) {
    ObjectNode body = read(asset);
    replicas.ifPresent(count -> fixReplicas(body, count));
    ObjectNode meta = metaOf(asset.kind().metaHolder(body));
    meta.put("managed_by", MANAGED_BY);
    String checksum = sha256(JSON.writeValueAsString(body));
    meta.put("checksum", checksum);
    return new RenderedAsset(asset, JSON.writeValueAsString(body), checksum);
  }

  /** Replaces {@code auto_expand_replicas} by a fixed count wherever a template sets it. */
  private static void fixReplicas(ObjectNode body, int count) {
    JsonNode settings = body.at("/template/settings/index");
    if (settings instanceof ObjectNode index && index.has("auto_expand_replicas")) {
      index.remove("auto_expand_replicas");
      index.put("number_of_replicas", count);
    }
  }

  private static ObjectNode metaOf(ObjectNode holder) {
    JsonNode meta = holder.get("_meta");
    if (meta instanceof ObjectNode object) {
      return object;
    }
    return holder.putObject("_meta");
  }

  private static ObjectNode read(Asset asset) {
    try (InputStream in = AssetRenderer.class.getResourceAsStream(asset.resource())) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + asset.resource());
      }
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + asset.resource(), e);
    }
  }

  static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }
}
