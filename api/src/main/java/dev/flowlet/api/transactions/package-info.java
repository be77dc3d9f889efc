/** Money movements: validated, recorded with their audit record and outbox event, read back. */
package dev.flowlet.api.transactions;
