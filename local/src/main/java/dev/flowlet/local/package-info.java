/**
 * The embedded default behind {@code ./flowlet up}: Kafka in-process, Elasticsearch in a JVM of its
 * own, embedded PostgreSQL (or an external one), and the three apps as child processes.
 */
package dev.flowlet.local;
