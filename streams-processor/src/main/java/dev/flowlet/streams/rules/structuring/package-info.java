/** {@code STRUCTURING}: cash deposits of one customer kept just under the reporting threshold. */
package dev.flowlet.streams.rules.structuring;
