/** RFC 9457 problem responses for every error the API answers. */
package dev.flowlet.api.problems;
