/**
 * {@code gdprExportJob}: everything Flowlet holds about one data subject, one JSON-lines and one
 * CSV file per data set, a manifest with every file's SHA-256 and row count, zipped for a one-time
 * download through the API.
 */
package dev.flowlet.batch.gdpr.export;
