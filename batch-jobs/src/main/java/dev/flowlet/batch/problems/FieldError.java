package dev.flowlet.batch.problems;

/**
 * One invalid field or parameter of a request.
 *
 * @param field the parameter's name, e.g. {@code file}
 * @param message what is wrong with it; never echoes a submitted value that could be personal
 */
public record FieldError(String field, String message) {}
