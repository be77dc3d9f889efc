package dev.flowlet.api.transactions;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.flowlet.api.cards.CardInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/**
 * The body of {@code POST /api/v1/transactions}. The amount is a decimal string so that no client
 * library rounds it through a float on the way. {@code card} is checked by {@code cards/}.
 */
record RecordTransaction(
    @NotNull UUID accountId,
    @NotNull TransactionType type,
    @NotBlank
        @Pattern(
            regexp = "[0-9]{1,15}(\\.[0-9]{1,4})?",
            message = "must be a positive decimal string such as \"125.40\"")
        String amount,
    @NotBlank String currency,
    @NotNull Instant occurredAt,
    @NotNull @Valid Counterparty counterparty,
    @NotNull @Valid Channel channel,
    // cards: optional card; left out of JSON when absent, so idempotency hashes stay as they were
    @JsonInclude(JsonInclude.Include.NON_NULL) CardInput card) {

  /** A request without a card. */
  RecordTransaction(
      UUID accountId,
      TransactionType type,
      String amount,
      String currency,
      Instant occurredAt,
      Counterparty counterparty,
      Channel channel) {
    this(accountId, type, amount, currency, occurredAt, counterparty, channel, null);
  }

  /** The same request with the channel's device identifier left out (no consent to keep it). */
  RecordTransaction withoutDeviceId() {
    return new RecordTransaction(
        accountId,
        type,
        amount,
        currency,
        occurredAt,
        counterparty,
        new Channel(channel.country(), null),
        card);
  }

  /**
   * @param name who the money comes from or goes to
   * @param country their ISO 3166-1 alpha-2 country
   * @param accountId for a {@code TRANSFER} only: the Flowlet account credited
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Counterparty(
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code")
          String country,
      UUID accountId) {

    Counterparty(String name, String country) {
      this(name, country, null);
    }
  }

  /** {@code deviceId} is null once recorded for a customer who withdrew device fingerprinting. */
  record Channel(
      @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code")
          String country,
      @NotBlank @Size(max = 100) String deviceId) {}
}
