/**
 * The audit trail of the batch jobs themselves, and {@code auditChainVerificationJob}, which
 * recomputes the audit hash chains in Elasticsearch against their signed checkpoints.
 */
package dev.flowlet.batch.audit;
