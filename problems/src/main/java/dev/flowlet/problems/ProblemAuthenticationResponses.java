package dev.flowlet.problems;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers a missing or bad token with 401 {@code unauthenticated} (and {@code WWW-Authenticate:
 * Bearer}) and a missing role with 403 {@code forbidden}, as problem+json; the same words in every
 * Flowlet service, and never a word about why the token was refused.
 */
public final class ProblemAuthenticationResponses
    implements AuthenticationEntryPoint, AccessDeniedHandler {

  @Override
  public void commence(
      HttpServletRequest request,
      HttpServletResponse response,
      AuthenticationException authException)
      throws IOException {
    response.setHeader("WWW-Authenticate", "Bearer");
    Problems.write(
        response, HttpStatus.UNAUTHORIZED, "unauthenticated", "A valid bearer token is required");
  }

  @Override
  public void handle(
      HttpServletRequest request,
      HttpServletResponse response,
      AccessDeniedException accessDeniedException)
      throws IOException {
    Problems.write(
        response, HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this request");
  }
}
