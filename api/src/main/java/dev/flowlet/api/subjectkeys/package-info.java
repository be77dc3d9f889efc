/**
 * Per-subject data keys for crypto-shredding: created with the customer, wrapped by a configured
 * key-encryption key, used to pseudonymise and seal personal fields of events; erasure deletes
 * them.
 */
package dev.flowlet.api.subjectkeys;
