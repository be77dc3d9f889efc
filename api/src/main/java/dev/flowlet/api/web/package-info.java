/**
 * HTTP hygiene in front of every endpoint: the client's real address behind trusted proxies,
 * security headers, request-size limits and per-client rate limits, as servlet filters.
 */
package dev.flowlet.api.web;
