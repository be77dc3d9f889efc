/** Authentication: staff users, password checks and signed JWT bearer tokens with roles. */
package dev.flowlet.api.auth;
