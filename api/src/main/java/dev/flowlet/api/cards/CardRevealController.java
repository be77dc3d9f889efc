package dev.flowlet.api.cards;

import dev.flowlet.api.audit.Actor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/transactions/{id}/card/reveal}: the full card number of a transaction, for
 * compliance officers only, with a stated reason. A POST, not a GET, so that the reason travels in
 * the body and the answer is never cached or replayed from a URL.
 */
@RestController
class CardRevealController {

  private final CardReveal reveal;

  CardRevealController(CardReveal reveal) {
    this.reveal = reveal;
  }

  @PostMapping("/api/v1/transactions/{id}/card/reveal")
  ResponseEntity<CardReveal.Revealed> reveal(
      @PathVariable UUID id,
      @Valid @RequestBody RevealRequest request,
      Authentication user,
      HttpServletRequest http) {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .header("Pragma", "no-cache")
        .body(reveal.reveal(id, request.reason(), Actor.of(user, http)));
  }

  /**
   * @param reason why the number is needed, kept in the audit trail
   */
  record RevealRequest(@NotBlank @Size(min = 10, max = 500) String reason) {

    /** Withheld: free text may hold a card number (refused later) or personal data. */
    @Override
    public String toString() {
      return "RevealRequest[reason withheld]";
    }
  }
}
