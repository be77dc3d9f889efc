/** The audit hash chain: canonical form, hashing, signed checkpoints and their verification. */
package dev.flowlet.events.audit;
