package dev.flowlet.elastic;

/**
 * An asset's PUT body as it will be sent.
 *
 * @param asset the asset
 * @param json the body, its {@code _meta} carrying {@code checksum}
 * @param checksum SHA-256 (hex) of the body before the checksum was added to it
 */
record RenderedAsset(Asset asset, String json, String checksum) {}
