/** {@code HIGH_RISK_COUNTRY}: a counterparty in a high-risk jurisdiction. */
package dev.flowlet.streams.rules.country;
