/** Rules on the size of one amount: absolute ({@code LARGE_AMOUNT}) and against history. */
package dev.flowlet.streams.rules.amount;
