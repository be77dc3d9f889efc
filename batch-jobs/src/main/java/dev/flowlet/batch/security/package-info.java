/**
 * Who may call the jobs API: bearer tokens issued by the API (HS256, shared secret, same issuer and
 * {@code roles} claim), refused when the API has revoked them.
 */
package dev.flowlet.batch.security;
