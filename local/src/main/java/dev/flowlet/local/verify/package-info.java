/**
 * {@code ./flowlet verify}: counts, end to end, that nothing accepted was lost or doubled. Each
 * check is one {@link dev.flowlet.local.verify.Check}; set-based SQL on PostgreSQL and
 * point-in-time scans of Elasticsearch keep it to seconds for 100,000 transactions.
 */
package dev.flowlet.local.verify;
