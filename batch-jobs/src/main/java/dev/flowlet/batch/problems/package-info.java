/** RFC 9457 problem answers: every client mistake gets a 4xx problem+json, never a 500. */
package dev.flowlet.batch.problems;
