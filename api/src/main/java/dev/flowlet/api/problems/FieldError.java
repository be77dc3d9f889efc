package dev.flowlet.api.problems;

/**
 * One invalid field of a request.
 *
 * @param field the field's JSON path, e.g. {@code counterparty.country}
 * @param message what is wrong with it
 */
public record FieldError(String field, String message) {}
