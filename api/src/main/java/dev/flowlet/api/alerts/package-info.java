/**
 * Alert case management: the alerts the streams processor raises, projected from Kafka into cases
 * that compliance officers assign, investigate and close, under four eyes for high severities.
 */
package dev.flowlet.api.alerts;
