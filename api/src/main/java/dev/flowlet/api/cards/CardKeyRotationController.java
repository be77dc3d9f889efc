package dev.flowlet.api.cards;

import dev.flowlet.api.audit.Actor;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/admin/card-keys/rotate} (administrators): re-encrypts every card under the
 * active key; safe to repeat, answers {@code {"rotated","remaining","activeKeyId"}}.
 */
@RestController
class CardKeyRotationController {

  private final CardKeyRotation rotation;

  CardKeyRotationController(CardKeyRotation rotation) {
    this.rotation = rotation;
  }

  @PostMapping("/api/v1/admin/card-keys/rotate")
  CardKeyRotation.Result rotate(Authentication user, HttpServletRequest request) {
    return rotation.rotate(Actor.of(user, request));
  }
}
