/** The REST transaction API: records money movements and publishes them through an outbox. */
package dev.flowlet.api;
