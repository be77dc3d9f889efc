/**
 * A real PostgreSQL 15 for tests and local runs: embedded (the {@code postgres} binaries from Maven
 * Central, run as a child process) or an external server named by environment variables.
 */
package dev.flowlet.testsupport.postgres;
