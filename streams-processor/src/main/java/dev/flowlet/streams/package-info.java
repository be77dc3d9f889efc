/**
 * Screens every transaction with the fraud rules and indexes the audit trail into Elasticsearch.
 */
package dev.flowlet.streams;
