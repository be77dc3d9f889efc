package dev.flowlet.api.privacy;

import dev.flowlet.api.audit.Actor;
import dev.flowlet.api.audit.AuditTrail;
import dev.flowlet.api.audit.AuditTrail.Outcome;
import dev.flowlet.api.privacy.Consents.Consent;
import dev.flowlet.api.problems.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/customers/{id}/consents}: an operator records what the customer declared for one
 * purpose; staff read the current state of every purpose and the full history. Both are audited
 * with the purpose and decision only.
 */
@RestController
@RequestMapping("/api/v1/customers/{customerId}/consents")
class ConsentController {

  private final Consents consents;
  private final AuditTrail audit;
  private final JdbcClient jdbc;
  private final Clock clock;

  ConsentController(Consents consents, AuditTrail audit, JdbcClient jdbc, Clock clock) {
    this.consents = consents;
    this.audit = audit;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @PostMapping
  @Transactional
  ResponseEntity<Consent> record(
      @PathVariable UUID customerId,
      @Valid @RequestBody RecordConsent command,
      Authentication user,
      HttpServletRequest request) {
    requireCustomer(customerId, true);
    Consent consent =
        new Consent(
            UUID.randomUUID(),
            command.purpose(),
            command.granted(),
            command.source(),
            user.getName(),
            clock.instant().truncatedTo(ChronoUnit.MICROS));
    consents.insert(consent, customerId);
    audit.record(
        Actor.of(user, request),
        command.granted() ? "consent.granted" : "consent.withdrawn",
        "consent",
        consent.id().toString(),
        customerId.toString(),
        Outcome.SUCCESS,
        Map.of("purpose", command.purpose().name(), "source", command.source().name()));
    return ResponseEntity.created(
            URI.create("/api/v1/customers/" + customerId + "/consents/" + consent.id()))
        .body(consent);
  }

  @GetMapping
  @Transactional
  ConsentState read(
      @PathVariable UUID customerId, Authentication user, HttpServletRequest request) {
    requireCustomer(customerId, false);
    List<Consent> history = consents.history(customerId);
    Map<ConsentPurpose, Current> current = new EnumMap<>(ConsentPurpose.class);
    for (ConsentPurpose purpose : ConsentPurpose.values()) {
      current.put(purpose, new Current(purpose.allows(null), false, null, null));
    }
    for (Consent consent : history) {
      current.put(
          consent.purpose(),
          new Current(consent.granted(), true, consent.source(), consent.recordedAt()));
    }
    audit.record(
        Actor.of(user, request),
        "consent.read",
        "customer",
        customerId.toString(),
        customerId.toString(),
        Outcome.SUCCESS,
        Map.of());
    return new ConsentState(customerId, current, history);
  }

  private void requireCustomer(UUID customerId, boolean lock) {
    // Locking the customer row orders concurrent decisions for the same customer.
    boolean exists =
        jdbc.sql("select id from customers where id = ?" + (lock ? " for update" : ""))
            .param(customerId)
            .query(UUID.class)
            .optional()
            .isPresent();
    if (!exists) {
      throw new NotFoundException("customer");
    }
  }

  /**
   * @param purpose unknown values are refused with 400
   * @param granted true to grant, false to withdraw
   * @param source where the customer declared it
   */
  record RecordConsent(
      @NotNull ConsentPurpose purpose, @NotNull Boolean granted, @NotNull ConsentSource source) {}

  /**
   * @param granted whether processing for the purpose may go ahead now
   * @param recorded false when the customer never declared anything (the purpose's default holds)
   */
  record Current(boolean granted, boolean recorded, ConsentSource source, Instant since) {}

  record ConsentState(
      UUID customerId, Map<ConsentPurpose, Current> current, List<Consent> history) {}
}
