/** Network faults without Docker: a loopback TCP proxy that slows or cuts connections. */
package dev.flowlet.testsupport.network;
