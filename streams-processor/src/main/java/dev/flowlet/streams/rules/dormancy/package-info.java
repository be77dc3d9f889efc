/** {@code DORMANT_REACTIVATION}: a high amount after a long silence on an account. */
package dev.flowlet.streams.rules.dormancy;
