package dev.flowlet.api.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Writes the RFC 9457 answers of the filters, which run before Spring MVC's problem handling. */
final class ProblemResponses {

  private ProblemResponses() {}

  /**
   * @param type the problem type's last path segment
   * @param detail a fixed sentence: never anything taken from the request
   */
  static void write(HttpServletResponse response, HttpStatus status, String type, String detail)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response
        .getWriter()
        .write(
            """
            {"type":"https://flowlet.dev/problems/%s","title":"%s","status":%d,"detail":"%s"}"""
                .formatted(type, status.getReasonPhrase(), status.value(), detail));
    response.flushBuffer();
  }
}
