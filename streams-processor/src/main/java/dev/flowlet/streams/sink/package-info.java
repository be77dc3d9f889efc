/** Indexes audit events, decisions and alerts into Elasticsearch, idempotently by event id. */
package dev.flowlet.streams.sink;
