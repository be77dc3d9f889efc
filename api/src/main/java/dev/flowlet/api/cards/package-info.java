/**
 * Cardholder data (PCI DSS): card numbers checked on entry, stored only envelope-encrypted, shown
 * masked, revealed to compliance officers with an audit record, re-encrypted on key rotation.
 */
package dev.flowlet.api.cards;
