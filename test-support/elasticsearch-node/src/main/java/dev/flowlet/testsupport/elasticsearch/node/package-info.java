/**
 * A single Elasticsearch node started in a JVM of its own, with the server jars on its classpath.
 */
package dev.flowlet.testsupport.elasticsearch.node;
