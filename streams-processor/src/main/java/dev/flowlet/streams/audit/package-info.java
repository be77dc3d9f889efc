/** Places every audit event in its hash chain, exactly once, and signs checkpoints of the heads. */
package dev.flowlet.streams.audit;
