/** Kafka wiring shared by the API's producers and consumers. */
package dev.flowlet.api.kafka;
