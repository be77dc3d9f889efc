/**
 * The ingest benchmark: accepted transactions per second through the API, latency at fixed offered
 * rates, and the raw PostgreSQL rate of the same writes as the baseline of the same run.
 */
package dev.flowlet.bench.ingest;
