/** {@code RAPID_PASS_THROUGH}: money that leaves an account soon after it came in. */
package dev.flowlet.streams.rules.passthrough;
