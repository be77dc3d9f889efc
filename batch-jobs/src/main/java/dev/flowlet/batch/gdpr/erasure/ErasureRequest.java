package dev.flowlet.batch.gdpr.erasure;

import java.util.UUID;

/**
 * The data subject request an erasure runs for, as {@code data_subject_requests} holds it.
 *
 * @param id the request
 * @param subjectId the customer to erase
 * @param requestedBy who asked (staff user)
 * @param approvedBy the second person who approved it
 */
record ErasureRequest(UUID id, UUID subjectId, String requestedBy, String approvedBy) {}
