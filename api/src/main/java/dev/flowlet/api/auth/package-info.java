/**
 * Authentication and authorisation: staff users with Argon2id passwords and lockout, sessions of
 * short-lived JWT access tokens and rotating refresh tokens (revocable within seconds on every
 * instance), the role matrix, and the segregation-of-duties check.
 */
package dev.flowlet.api.auth;
