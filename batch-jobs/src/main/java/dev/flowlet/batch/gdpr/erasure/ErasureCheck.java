package dev.flowlet.batch.gdpr.erasure;

/**
 * One search of the proof, as the certificate lists it.
 *
 * @param store {@code postgresql} or {@code elasticsearch}
 * @param target what was searched: {@code table.column}, or an index pattern
 * @param identifier which identifier: {@code name}, {@code email} or {@code phone}
 * @param method {@code substring} (case-insensitive, on the clear value held in memory), {@code
 *     phrase} (Elasticsearch match_phrase on every field), {@code sha256} (exact value, when only
 *     the hash survived a restart of the JVM), or {@code notSearchable}
 * @param hits how many rows or documents matched; -1 when {@code notSearchable}
 */
record ErasureCheck(String store, String target, String identifier, String method, long hits) {}
