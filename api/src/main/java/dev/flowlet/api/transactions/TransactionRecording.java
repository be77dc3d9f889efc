package dev.flowlet.api.transactions;

import dev.flowlet.api.audit.Actor;
import dev.flowlet.api.audit.AuditTrail;
import dev.flowlet.api.audit.AuditTrail.Outcome;
import dev.flowlet.api.cards.CardVault;
import dev.flowlet.api.cards.CardView;
import dev.flowlet.api.outbox.Outbox;
import dev.flowlet.api.privacy.ConsentPurpose;
import dev.flowlet.api.privacy.Consents;
import dev.flowlet.api.problems.FieldError;
import dev.flowlet.api.problems.InvalidRequestException;
import dev.flowlet.api.subjectkeys.EventSealing;
import dev.flowlet.api.transactions.TransactionAcceptance.AccountRef;
import dev.flowlet.events.Topics;
import dev.flowlet.events.TransactionRecorded;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records a money movement: in one database transaction the balance changes, the ledger row, its
 * audit record and its outbox event, or nothing at all. A repeat with the same idempotency key gets
 * the first answer.
 */
@Component
class TransactionRecording {

  private final JdbcClient jdbc;
  private final IdempotencyKeys idempotencyKeys;
  private final LedgerPosting ledger;
  private final AuditTrail audit;
  private final Outbox outbox;
  private final JsonMapper json;
  private final Clock clock;
  private final CardVault cards;
  private final Consents consents;
  private final EventSealing sealing;

  TransactionRecording(
      JdbcClient jdbc,
      IdempotencyKeys idempotencyKeys,
      LedgerPosting ledger,
      AuditTrail audit,
      Outbox outbox,
      JsonMapper json,
      Clock clock,
      CardVault cards,
      Consents consents,
      EventSealing sealing) {
    this.jdbc = jdbc;
    this.idempotencyKeys = idempotencyKeys;
    this.ledger = ledger;
    this.audit = audit;
    this.outbox = outbox;
    this.json = json;
    this.clock = clock;
    this.cards = cards;
    this.consents = consents;
    this.sealing = sealing;
  }

  @Transactional
  Recorded record(RecordTransaction command, String idempotencyKey, Actor actor) {
    // cards: checked (422) and fingerprinted before anything is written
    Optional<CardVault.CapturedCard> card = cards.capture(command.type().name(), command.card());
    var earlier = idempotencyKeys.claim(actor.name(), idempotencyKey, hash(command, card));
    if (earlier.isPresent()) {
      return new Recorded(earlier.get().responseStatus(), earlier.get().responseBody(), true);
    }
    UUID targetId = command.counterparty().accountId();
    Map<UUID, AccountRef> locked =
        ledger.lock(Stream.of(command.accountId(), targetId).filter(id -> id != null).toList());
    AccountRef account = locked.get(command.accountId());
    if (account == null) {
      throw new InvalidRequestException("accountId", "no account with that id");
    }
    Optional<AccountRef> target = Optional.ofNullable(targetId).map(locked::get);
    List<FieldError> errors =
        TransactionAcceptance.check(command, account, target, clock.instant());
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    BigDecimal amount = TransactionAcceptance.amountOf(command);
    // The device identifier is kept only while the customer consents to device fingerprinting;
    // without it, neither the ledger row nor the event carries it.
    if (!consents.allows(account.customerId(), ConsentPurpose.DEVICE_FINGERPRINTING)) {
      command = command.withoutDeviceId();
    }
    Map<UUID, BigDecimal> changes = new LinkedHashMap<>();
    changes.put(account.id(), command.type().debitsAccount() ? amount.negate() : amount);
    target.ifPresent(credited -> changes.put(credited.id(), amount));
    BigDecimal balanceAfter = ledger.post(changes).get(account.id());

    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    UUID id = UUID.randomUUID();
    insert(id, command, amount, balanceAfter, actor, now);
    CardView cardView = card.map(captured -> cards.attach(id, captured)).orElse(null);
    TransactionRecorded event = event(id, command, account, target, amount, now);
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
            balanceAfter.setScale(amount.scale()),
            TransactionView.SCREENING,
            null,
            cardView);
    String body = json.writeValueAsString(view);
    idempotencyKeys.complete(actor.name(), idempotencyKey, 201, body);
    return new Recorded(201, body, false);
  }

  private TransactionRecorded event(
      UUID id,
      RecordTransaction command,
      AccountRef account,
      Optional<AccountRef> target,
      BigDecimal amount,
      Instant now) {
    return new TransactionRecorded(
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
        // personal fields travel pseudonymised and sealed with the subject's key (schema 2)
        sealing.counterparty(
            command.counterparty().name(),
            command.counterparty().country(),
            target.map(AccountRef::id).orElse(null),
            target.map(AccountRef::customerId).orElse(null)),
        sealing.channel(
            account.customerId(), command.channel().country(), command.channel().deviceId()));
  }

  private void insert(
      UUID id,
      RecordTransaction command,
      BigDecimal amount,
      BigDecimal balanceAfter,
      Actor actor,
      Instant now) {
    jdbc.sql(
            """
            insert into transactions (id, account_id, type, amount, currency, occurred_at,
                counterparty_name, counterparty_country, counterparty_account_id,
                channel_country, channel_device_id, balance_after, created_by, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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
            command.counterparty().accountId(),
            command.channel().country(),
            command.channel().deviceId(),
            balanceAfter,
            actor.name(),
            Timestamp.from(now))
        .update();
  }

  /** The card number never enters the hash: its keyed fingerprint stands in for it. */
  private String hash(RecordTransaction command, Optional<CardVault.CapturedCard> card) {
    String canonical =
        card.isEmpty()
            ? json.writeValueAsString(command)
            : json.writeValueAsString(
                json.<ObjectNode>valueToTree(command).put("card", card.get().fingerprint()));
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /**
   * @param status HTTP status of the answer
   * @param body the answer's JSON body
   * @param replayed whether this is the stored answer to an earlier identical request
   */
  record Recorded(int status, String body, boolean replayed) {}
}
