/** A real Kafka broker (KRaft, combined broker and controller) running inside this JVM. */
package dev.flowlet.testsupport.kafka;
