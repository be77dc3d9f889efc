/**
 * The attack suite: authorisation, tokens, injection, oversized and slow requests and login brute
 * force against the running API, generated from its OpenAPI document so new endpoints are covered.
 */
package dev.flowlet.api.attacks;
