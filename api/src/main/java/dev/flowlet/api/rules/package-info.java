/**
 * Screening rule configuration under maker-checker: a compliance officer proposes, a different
 * approver approves, and the approved version goes to {@code flowlet.rules.v1} for the running
 * streams processor.
 */
package dev.flowlet.api.rules;
