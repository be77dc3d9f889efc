/**
 * The screening topology: one risk decision per transaction, alerts, audit events, dead letters.
 */
package dev.flowlet.streams.screening;
