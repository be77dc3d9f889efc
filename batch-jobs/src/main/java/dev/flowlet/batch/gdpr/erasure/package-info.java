/**
 * GDPR erasure: {@code gdprErasureJob} (pseudonymise, redact, shred the subject key, record in the
 * erasure ledger, prove and certify) and {@code erasureReplayJob} (re-apply the ledger after a
 * restore).
 */
package dev.flowlet.batch.gdpr.erasure;
