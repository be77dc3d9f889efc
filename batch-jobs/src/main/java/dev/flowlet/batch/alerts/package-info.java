/** Raising alerts on {@code flowlet.alerts.v1} for reconciliation breaks and backup failures. */
package dev.flowlet.batch.alerts;
