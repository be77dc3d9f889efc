/** The GDPR export benchmark: one subject with a long history, request to completed archive. */
package dev.flowlet.bench.gdpr;
