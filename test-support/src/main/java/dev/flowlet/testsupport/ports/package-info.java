/** Loopback ports for the servers that tests and the local launcher start. */
package dev.flowlet.testsupport.ports;
