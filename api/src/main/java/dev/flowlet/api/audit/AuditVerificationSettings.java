package dev.flowlet.api.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicKeys the keys audit checkpoints may be signed with, {@code <key id>:<base64
 *     X.509>[,...]} ({@code FLOWLET_AUDIT_PUBLIC_KEYS}); the local profile names the demo key,
 *     which is refused elsewhere
 */
@ConfigurationProperties("flowlet.api.audit")
record AuditVerificationSettings(String publicKeys) {}
