package dev.flowlet.events;

import java.time.Instant;

/**
 * An entry of the erasure ledger of record ({@link Topics#ERASURES}, compacted, kept forever, keyed
 * by subject id): the subject was erased and must stay erased, also in any database restored from
 * an older backup. Ids only, no personal data.
 *
 * @param subjectId the erased data subject (customer id)
 * @param requestId the data subject request that asked for it
 * @param approvedBy the approver (staff user name) of that request
 * @param erasedAt when the erasure job first erased the subject
 */
public record SubjectErased(
    String subjectId, String requestId, String approvedBy, Instant erasedAt) {}
