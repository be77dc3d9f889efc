package dev.flowlet.problems;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 answers with Flowlet's problem types ({@code https://flowlet.dev/problems/<name>}), the
 * names clients and the OpenAPI document rely on. Spring MVC handlers return {@link #of}; servlet
 * filters and Spring Security, which answer before Spring MVC, {@link #write} the same shape.
 */
public final class Problems {

  /** Every Flowlet problem type is this followed by its name, e.g. {@code invalid-request}. */
  public static final String TYPE_BASE = "https://flowlet.dev/problems/";

  private Problems() {}

  /** {@code https://flowlet.dev/problems/<name>}. */
  public static URI type(String name) {
    return URI.create(TYPE_BASE + name);
  }

  /**
   * @param type the problem type's name
   * @param detail a sentence for the client: never a submitted value, which could be personal data
   */
  public static ProblemDetail of(HttpStatus status, String type, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type(type));
    return problem;
  }

  /**
   * Writes and flushes a problem+json answer outside Spring MVC.
   *
   * @param type the problem type's name
   * @param detail a fixed sentence (it is written without JSON escaping): never anything taken from
   *     the request
   */
  public static void write(
      HttpServletResponse response, HttpStatus status, String type, String detail)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response
        .getWriter()
        .write(
            """
            {"type":"%s","title":"%s","status":%d,"detail":"%s"}"""
                .formatted(type(type), status.getReasonPhrase(), status.value(), detail));
    response.flushBuffer();
  }
}
