package dev.flowlet.api.accounts;

import dev.flowlet.api.audit.Actor;
import dev.flowlet.api.audit.AuditTrail;
import dev.flowlet.api.audit.AuditTrail.Outcome;
import dev.flowlet.api.problems.ConflictException;
import dev.flowlet.api.problems.InvalidRequestException;
import dev.flowlet.api.problems.NotFoundException;
import dev.flowlet.api.transactions.Currencies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts: open one for a customer, read it, list a customer's accounts, freeze, unfreeze or close
 * it. An account addressed under the wrong customer is answered exactly like a missing one, so ids
 * of other customers' accounts reveal nothing.
 */
@RestController
class AccountController {

  private final Accounts accounts;
  private final AuditTrail audit;
  private final Clock clock;

  AccountController(Accounts accounts, AuditTrail audit, Clock clock) {
    this.accounts = accounts;
    this.audit = audit;
    this.clock = clock;
  }

  @PostMapping("/api/v1/accounts")
  @Transactional
  ResponseEntity<Account> open(
      @Valid @RequestBody OpenAccount command, Authentication user, HttpServletRequest request) {
    if (!Currencies.isKnown(command.currency())) {
      throw new InvalidRequestException("currency", "must be an ISO 4217 currency code");
    }
    int digits = Currencies.fractionDigits(command.currency());
    BigDecimal overdraft =
        command.overdraftLimit() == null
            ? BigDecimal.ZERO
            : new BigDecimal(command.overdraftLimit());
    if (overdraft.stripTrailingZeros().scale() > digits) {
      throw new InvalidRequestException(
          "overdraftLimit", "has more decimals than " + command.currency() + " allows");
    }
    if (!accounts.customerExists(command.customerId())) {
      throw new InvalidRequestException("customerId", "no customer with that id");
    }
    BigDecimal zero = BigDecimal.ZERO.setScale(digits);
    Account account =
        new Account(
            UUID.randomUUID(),
            command.customerId(),
            command.currency(),
            AccountStatus.ACTIVE.name(),
            zero,
            overdraft.setScale(digits),
            overdraft.setScale(digits),
            clock.instant().truncatedTo(ChronoUnit.MICROS),
            null);
    accounts.insert(account);
    audit.record(
        Actor.of(user, request),
        "account.opened",
        "account",
        account.id().toString(),
        account.customerId().toString(),
        Outcome.SUCCESS,
        Map.of(
            "currency",
            account.currency(),
            "overdraftLimit",
            account.overdraftLimit().toPlainString()));
    return ResponseEntity.created(URI.create("/api/v1/accounts/" + account.id())).body(account);
  }

  @GetMapping("/api/v1/accounts/{id}")
  Account read(@PathVariable UUID id) {
    return accounts.find(id, false).orElseThrow(() -> new NotFoundException("account"));
  }

  @GetMapping("/api/v1/customers/{customerId}/accounts")
  List<Account> ofCustomer(@PathVariable UUID customerId) {
    if (!accounts.customerExists(customerId)) {
      throw new NotFoundException("customer");
    }
    return accounts.ofCustomer(customerId);
  }

  @GetMapping("/api/v1/customers/{customerId}/accounts/{id}")
  Account readOfCustomer(@PathVariable UUID customerId, @PathVariable UUID id) {
    return accounts
        .find(id, false)
        .filter(account -> account.customerId().equals(customerId))
        .orElseThrow(() -> new NotFoundException("account"));
  }

  @PatchMapping("/api/v1/accounts/{id}")
  @Transactional
  Account changeStatus(
      @PathVariable UUID id,
      @Valid @RequestBody ChangeAccountStatus command,
      Authentication user,
      HttpServletRequest request) {
    Account account = accounts.find(id, true).orElseThrow(() -> new NotFoundException("account"));
    AccountStatus from = AccountStatus.valueOf(account.status());
    from.refusalOfChangeTo(command.status(), account.balance())
        .ifPresent(
            refusal -> {
              throw new ConflictException(refusal);
            });
    Instant closedAt =
        command.status() == AccountStatus.CLOSED
            ? clock.instant().truncatedTo(ChronoUnit.MICROS)
            : null;
    accounts.changeStatus(id, command.status(), closedAt == null ? null : Timestamp.from(closedAt));
    audit.record(
        Actor.of(user, request),
        "account.status_changed",
        "account",
        id.toString(),
        account.customerId().toString(),
        Outcome.SUCCESS,
        Map.of("from", from.name(), "to", command.status().name(), "reason", command.reason()));
    return accounts.find(id, false).orElseThrow();
  }

  /**
   * @param overdraftLimit optional; how far below zero the balance may go, a decimal string
   */
  record OpenAccount(
      @NotNull UUID customerId,
      @NotBlank String currency,
      @Pattern(
              regexp = "[0-9]{1,15}(\\.[0-9]{1,4})?",
              message = "must be a decimal string such as \"500.00\"")
          String overdraftLimit) {}

  /**
   * @param status the new status
   * @param reason why, for the audit trail (no personal data)
   */
  record ChangeAccountStatus(
      @NotNull AccountStatus status,
      @NotBlank @jakarta.validation.constraints.Size(max = 500) String reason) {}
}
