package dev.flowlet.streams.screening;

import dev.flowlet.events.SubjectDataCipher;
import dev.flowlet.events.TransactionRecorded;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Transactions for tests, with ordinary defaults: 42.50 EUR, from a laptop in the Netherlands, to
 * Northwind Traders (NL), at {@link #T0}. Each gets a fresh transaction id. Devices travel as the
 * API sends them since schema 2: as the holder's keyed pseudonym, never in clear.
 */
final class Tx {

  static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
  private static final AtomicLong IDS = new AtomicLong();

  private String type;
  private String transactionId = "tx-" + IDS.incrementAndGet();
  private String account = "acc-1";
  private String customer;
  private String amount = "42.50";
  private String currency = "EUR";
  private Instant at = T0;
  private String counterpartyName = "Northwind Traders";
  private String counterpartyCountry = "NL";
  private String creditedAccount;
  private String creditedCustomer;
  private String channelCountry = "NL";
  private String device = "laptop-1";
  private boolean clearDevice;

  private Tx(String type) {
    this.type = type;
  }

  static Tx transfer() {
    return new Tx("TRANSFER");
  }

  static Tx cardPayment() {
    return new Tx("CARD_PAYMENT");
  }

  static Tx withdrawal() {
    return new Tx("WITHDRAWAL");
  }

  static Tx deposit() {
    return new Tx("DEPOSIT");
  }

  static Tx refund() {
    return new Tx("REFUND");
  }

  /** Any type, also one that does not exist. */
  Tx type(String type) {
    this.type = type;
    return this;
  }

  Tx id(String id) {
    transactionId = id;
    return this;
  }

  Tx account(String account) {
    this.account = account;
    return this;
  }

  Tx customer(String customer) {
    this.customer = customer;
    return this;
  }

  Tx amount(String amount) {
    this.amount = amount;
    return this;
  }

  Tx amount(BigDecimal amount) {
    return amount(amount.toPlainString());
  }

  Tx currency(String currency) {
    this.currency = currency;
    return this;
  }

  Tx at(Instant at) {
    this.at = at;
    return this;
  }

  Tx after(Duration sinceT0) {
    return at(T0.plus(sinceT0));
  }

  Tx counterparty(String name, String country) {
    counterpartyName = name;
    counterpartyCountry = country;
    return this;
  }

  /** A transfer into another Flowlet account. */
  Tx to(String account, String customer) {
    creditedAccount = account;
    creditedCustomer = customer;
    return this;
  }

  Tx from(String country) {
    channelCountry = country;
    return this;
  }

  Tx device(String device) {
    this.device = device;
    return this;
  }

  /** As schema version 1 sent it: the device id in clear instead of its pseudonym. */
  Tx schemaV1() {
    clearDevice = true;
    return this;
  }

  String transactionId() {
    return transactionId;
  }

  TransactionRecorded build() {
    String holder = customer != null ? customer : "holder-of-" + account;
    return new TransactionRecorded(
        clearDevice ? 1 : TransactionRecorded.SCHEMA_VERSION,
        "evt-" + transactionId,
        transactionId,
        account,
        holder,
        type,
        amount == null ? null : new BigDecimal(amount),
        currency,
        at,
        at.plusSeconds(1),
        new TransactionRecorded.Counterparty(
            counterpartyName, counterpartyCountry, creditedAccount, creditedCustomer),
        clearDevice || device == null
            ? new TransactionRecorded.Channel(channelCountry, device)
            : new TransactionRecorded.Channel(
                channelCountry,
                null,
                SubjectDataCipher.pseudonym(
                    subjectKey(holder), TransactionRecorded.DEVICE_PSEUDONYM, device),
                null));
  }

  /** A stand-in for the holder's data key: distinct per holder, as the API's keys are. */
  private static byte[] subjectKey(String holder) {
    return Arrays.copyOf(holder.getBytes(StandardCharsets.UTF_8), SubjectDataCipher.KEY_BYTES);
  }
}
