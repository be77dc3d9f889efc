package dev.flowlet.problems;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;

class ProblemAuthenticationResponsesTest {

  private final ProblemAuthenticationResponses responses = new ProblemAuthenticationResponses();

  @Test
  void answersABadTokenWith401ProblemJsonThatDoesNotSayWhy() throws Exception {
    var response = new MockHttpServletResponse();

    responses.commence(
        new MockHttpServletRequest(),
        response,
        new BadCredentialsException("signature of token abc.def.ghi is invalid"));

    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(response.getContentAsString())
        .isEqualTo(
            "{\"type\":\"https://flowlet.dev/problems/unauthenticated\",\"title\":\"Unauthorized\","
                + "\"status\":401,\"detail\":\"A valid bearer token is required\"}")
        .doesNotContain("abc.def.ghi");
  }

  @Test
  void answersAMissingRoleWith403ProblemJson() throws Exception {
    var response = new MockHttpServletResponse();

    responses.handle(
        new MockHttpServletRequest(), response, new AccessDeniedException("needs ADMIN"));

    assertThat(response.getStatus()).isEqualTo(403);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(response.getContentAsString())
        .contains("\"type\":\"https://flowlet.dev/problems/forbidden\"", "\"status\":403")
        .doesNotContain("ADMIN");
  }
}
