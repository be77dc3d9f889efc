/** How long {@code ./flowlet verify} takes on 100,000 transactions. */
package dev.flowlet.bench.verify;
