package dev.flowlet.api.accounts;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.flowlet.api.audit.Actor;
import dev.flowlet.api.audit.AuditTrail;
import dev.flowlet.api.audit.AuditTrail.Outcome;
import dev.flowlet.api.problems.InvalidRequestException;
import dev.flowlet.api.problems.NotFoundException;
import dev.flowlet.api.transactions.Currencies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

/** {@code /api/v1/accounts}: open an account for a customer and read it. */
@RestController
@RequestMapping("/api/v1/accounts")
class AccountController {

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;

  AccountController(JdbcClient jdbc, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  @PostMapping
  @Transactional
  ResponseEntity<Account> open(
      @Valid @RequestBody OpenAccount command, Authentication user, HttpServletRequest request) {
    if (!Currencies.isKnown(command.currency())) {
      throw new InvalidRequestException("currency", "must be an ISO 4217 currency code");
    }
    boolean customerExists =
        jdbc.sql("select count(*) from customers where id = ?")
                .param(command.customerId())
                .query(Long.class)
                .single()
            > 0;
    if (!customerExists) {
      throw new InvalidRequestException("customerId", "no customer with that id");
    }
    Account account =
        new Account(
            UUID.randomUUID(),
            command.customerId(),
            command.currency(),
            "ACTIVE",
            BigDecimal.ZERO.setScale(Currencies.fractionDigits(command.currency())),
            clock.instant().truncatedTo(ChronoUnit.MICROS));
    jdbc.sql(
            "insert into accounts (id, customer_id, currency, status, balance, opened_at)"
                + " values (?, ?, ?, ?, ?, ?)")
        .params(
            account.id(),
            account.customerId(),
            account.currency(),
            account.status(),
            account.balance(),
            Timestamp.from(account.openedAt()))
        .update();
    audit.record(
        Actor.of(user, request),
        "account.opened",
        "account",
        account.id().toString(),
        account.customerId().toString(),
        Outcome.SUCCESS,
        Map.of("currency", account.currency()));
    return ResponseEntity.created(URI.create("/api/v1/accounts/" + account.id())).body(account);
  }

  @GetMapping("/{id}")
  Account read(@PathVariable UUID id) {
    return jdbc.sql(
            "select id, customer_id, currency, status, balance, opened_at from accounts where id = ?")
        .param(id)
        .query(Account.class)
        .optional()
        .orElseThrow(() -> new NotFoundException("account"));
  }

  record OpenAccount(@NotNull UUID customerId, @NotBlank String currency) {}

  record Account(
      UUID id,
      UUID customerId,
      String currency,
      String status,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal balance,
      Instant openedAt) {}
}
