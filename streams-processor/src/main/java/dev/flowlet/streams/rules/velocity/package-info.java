/** Velocity rules: how many outgoing movements, and how much, an account makes in a window. */
package dev.flowlet.streams.rules.velocity;
