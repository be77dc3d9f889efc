/**
 * GDPR requests in batch-jobs: the claimer that starts received requests and resumes those a crash
 * left running, the listener that records their outcome, and progress reporting for both jobs.
 */
package dev.flowlet.batch.gdpr;
