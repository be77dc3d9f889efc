/** GDPR: per-purpose consent, data subject requests and the one-time download of an export. */
package dev.flowlet.api.privacy;
