/**
 * A real Elasticsearch node in a child JVM, started and stopped from tests and the local launcher.
 */
package dev.flowlet.testsupport.elasticsearch;
