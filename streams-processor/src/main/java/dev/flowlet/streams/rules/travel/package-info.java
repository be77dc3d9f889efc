/** {@code IMPOSSIBLE_TRAVEL}: movements of one customer from places too far apart for the time. */
package dev.flowlet.streams.rules.travel;
