package dev.flowlet.api.privacy;

/** What a data subject asked for (GDPR Art. 15/20 access and portability, Art. 17 erasure). */
enum RequestType {
  /** Runs at once: {@code RECEIVED} on creation. */
  EXPORT,
  /** Runs only after an approver other than the requester approved it. */
  ERASURE
}
