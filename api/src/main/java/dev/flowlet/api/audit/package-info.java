/** The API's audit trail: who did what, written with the change it records. */
package dev.flowlet.api.audit;
