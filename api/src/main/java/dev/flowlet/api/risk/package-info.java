/** The streams processor's risk decisions, projected into PostgreSQL for the API to show. */
package dev.flowlet.api.risk;
