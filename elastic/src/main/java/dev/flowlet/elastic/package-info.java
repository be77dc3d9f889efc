/**
 * Elasticsearch assets (index templates, the audit retention policy) with the installer that
 * applies them idempotently; Kibana saved objects ship beside them as a resource to import.
 */
package dev.flowlet.elastic;
