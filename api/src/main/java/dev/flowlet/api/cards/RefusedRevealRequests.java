package dev.flowlet.api.cards;

import dev.flowlet.api.audit.Actor;
import dev.flowlet.api.cards.RefusedReveals.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Audits the reveal requests refused before they reach {@link CardReveal}: no body, a missing,
 * blank or badly sized reason, a body that does not parse, a transaction id that is no UUID. The
 * answer stays the API's usual problem response (the one {@link ResponseEntityExceptionHandler} of
 * the API builds it); ordered before it, which would otherwise answer without the audit record.
 */
@RestControllerAdvice(assignableTypes = CardRevealController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RefusedRevealRequests {

  private static final String REASON = "reason";

  private final RefusedReveals refusals;
  private final ResponseEntityExceptionHandler problems;

  RefusedRevealRequests(RefusedReveals refusals, ResponseEntityExceptionHandler problems) {
    this.refusals = refusals;
    this.problems = problems;
  }

  @ExceptionHandler({
    MethodArgumentNotValidException.class,
    HttpMessageNotReadableException.class,
    HttpMediaTypeNotSupportedException.class,
    TypeMismatchException.class
  })
  ResponseEntity<Object> refused(
      Exception refused, Authentication user, HttpServletRequest http, WebRequest request)
      throws Exception {
    refusals.record(
        Actor.of(user, http), transactionId(refused, http), null, refusal(refused), null);
    return problems.handleException(refused, request);
  }

  private static Refusal refusal(Exception refused) {
    return switch (refused) {
      case MethodArgumentNotValidException invalid ->
          invalid.getBindingResult().getFieldErrors(REASON).stream()
                  .anyMatch(error -> "NotBlank".equals(error.getCode()))
              ? Refusal.REASON_MISSING
              : Refusal.REASON_INVALID;
      // Without a cause there was no body to parse at all.
      case HttpMessageNotReadableException unreadable ->
          unreadable.getCause() == null ? Refusal.REASON_MISSING : Refusal.REQUEST_UNREADABLE;
      case TypeMismatchException mismatch -> Refusal.TRANSACTION_ID_INVALID;
      default -> Refusal.REQUEST_UNREADABLE;
    };
  }

  /** The transaction id of the path, or null when it is no UUID (it is never recorded then). */
  private static UUID transactionId(Exception refused, HttpServletRequest http) {
    if (refused instanceof TypeMismatchException
        || !(http.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
            instanceof Map<?, ?> variables)
        || !(variables.get("id") instanceof String id)) {
      return null;
    }
    try {
      return UUID.fromString(id.strip());
    } catch (IllegalArgumentException notAUuid) {
      return null;
    }
  }
}
