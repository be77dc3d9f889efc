package dev.flowlet.api.transactions;

import dev.flowlet.api.audit.Actor;
import dev.flowlet.api.audit.AuditTrail;
import dev.flowlet.api.audit.AuditTrail.Outcome;
import dev.flowlet.api.outbox.Outbox;
import dev.flowlet.api.problems.FieldError;
import dev.flowlet.api.problems.InvalidRequestException;
import dev.flowlet.events.Topics;
import dev.flowlet.events.TransactionRecorded;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records a money movement: in one database transaction the ledger row, its audit record and its
 * outbox event, or nothing at all. A repeat with the same idempotency key gets the first answer.
 */
@Component
class TransactionRecording {

  /** Clocks of clients and servers disagree a little; more than this in the future is an error. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /** Imports and replays may carry history up to this old. */
  static final Duration OLDEST_ACCEPTED = Duration.ofDays(2 * 366);

  private final JdbcClient jdbc;
  private final IdempotencyKeys idempotencyKeys;
  private final AuditTrail audit;
  private final Outbox outbox;
  private final JsonMapper json;
  private final Clock clock;

  TransactionRecording(
      JdbcClient jdbc,
      IdempotencyKeys idempotencyKeys,
      AuditTrail audit,
      Outbox outbox,
      JsonMapper json,
      Clock clock) {
    this.jdbc = jdbc;
    this.idempotencyKeys = idempotencyKeys;
    this.audit = audit;
    this.outbox = outbox;
    this.json = json;
    this.clock = clock;
  }

  @Transactional
  Recorded record(RecordTransaction command, String idempotencyKey, Actor actor) {
    var earlier = idempotencyKeys.claim(actor.name(), idempotencyKey, hash(command));
    if (earlier.isPresent()) {
      return new Recorded(earlier.get().responseStatus(), earlier.get().responseBody(), true);
    }
    AccountRef account = account(command.accountId());
    BigDecimal amount = validate(command, account);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    UUID id = UUID.randomUUID();
    insert(id, command, amount, actor, now);
    TransactionRecorded event =
        new TransactionRecorded(
            TransactionRecorded.SCHEMA_VERSION,
            UUID.randomUUID().toString(),
            id.toString(),
            command.accountId().toString(),
            account.customerId().toString(),
            command.type().name(),
            amount,
            command.currency(),
            command.occurredAt(),
            now,
            new TransactionRecorded.Counterparty(
                command.counterparty().name(), command.counterparty().country()),
            new TransactionRecorded.Channel(
                command.channel().country(), command.channel().deviceId()));
    outbox.append(Topics.TRANSACTIONS, event.accountId(), event);
    audit.record(
        actor,
        "transaction.created",
        "transaction",
        id.toString(),
        account.customerId().toString(),
        Outcome.SUCCESS,
        Map.of("accountId", event.accountId(), "type", event.type(), "currency", event.currency()));
    TransactionView view =
        new TransactionView(
            id,
            command.accountId(),
            command.type().name(),
            amount,
            command.currency(),
            command.occurredAt(),
            now,
            command.counterparty(),
            command.channel(),
            TransactionView.SCREENING,
            null);
    String body = json.writeValueAsString(view);
    idempotencyKeys.complete(actor.name(), idempotencyKey, 201, body);
    return new Recorded(201, body, false);
  }

  private AccountRef account(UUID accountId) {
    return jdbc.sql("select id, customer_id, currency, status from accounts where id = ?")
        .param(accountId)
        .query(AccountRef.class)
        .optional()
        .orElseThrow(() -> new InvalidRequestException("accountId", "no account with that id"));
  }

  private BigDecimal validate(RecordTransaction command, AccountRef account) {
    List<FieldError> errors = new ArrayList<>();
    BigDecimal amount = new BigDecimal(command.amount());
    if (!Currencies.isKnown(command.currency())) {
      errors.add(new FieldError("currency", "must be an ISO 4217 currency code"));
    } else {
      if (!command.currency().equals(account.currency())) {
        errors.add(new FieldError("currency", "must be the account's currency"));
      }
      int digits = Currencies.fractionDigits(command.currency());
      if (amount.stripTrailingZeros().scale() > digits) {
        errors.add(
            new FieldError("amount", "has more decimals than " + command.currency() + " allows"));
      }
      amount = amount.setScale(Math.max(digits, amount.stripTrailingZeros().scale()));
    }
    if (amount.signum() <= 0) {
      errors.add(new FieldError("amount", "must be greater than zero"));
    }
    Instant now = clock.instant();
    if (command.occurredAt().isAfter(now.plus(CLOCK_SKEW))) {
      errors.add(new FieldError("occurredAt", "must not be in the future"));
    }
    if (command.occurredAt().isBefore(now.minus(OLDEST_ACCEPTED))) {
      errors.add(new FieldError("occurredAt", "must be within the last two years"));
    }
    if (!"ACTIVE".equals(account.status())) {
      errors.add(new FieldError("accountId", "the account is not active"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return amount;
  }

  private void insert(
      UUID id, RecordTransaction command, BigDecimal amount, Actor actor, Instant now) {
    jdbc.sql(
            """
            insert into transactions (id, account_id, type, amount, currency, occurred_at,
                counterparty_name, counterparty_country, channel_country, channel_device_id,
                created_by, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            command.accountId(),
            command.type().name(),
            amount,
            command.currency(),
            Timestamp.from(command.occurredAt()),
            command.counterparty().name(),
            command.counterparty().country(),
            command.channel().country(),
            command.channel().deviceId(),
            actor.name(),
            Timestamp.from(now))
        .update();
  }

  private String hash(RecordTransaction command) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(json.writeValueAsString(command).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  record AccountRef(UUID id, UUID customerId, String currency, String status) {}

  /**
   * @param status HTTP status of the answer
   * @param body the answer's JSON body
   * @param replayed whether this is the stored answer to an earlier identical request
   */
  record Recorded(int status, String body, boolean replayed) {}
}
