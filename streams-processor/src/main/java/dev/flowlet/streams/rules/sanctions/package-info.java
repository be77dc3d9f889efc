/**
 * {@code SANCTIONS_MATCH}: counterparty names against a sanctions list, reloaded when it changes.
 */
package dev.flowlet.streams.rules.sanctions;
