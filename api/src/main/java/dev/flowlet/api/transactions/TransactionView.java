package dev.flowlet.api.transactions;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.flowlet.api.cards.CardView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A recorded transaction as the API shows it, with its risk decision once one was made.
 *
 * @param balanceAfter the balance of {@code accountId} right after this movement was booked
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TransactionView(
    UUID id,
    UUID accountId,
    String type,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
    String currency,
    Instant occurredAt,
    Instant createdAt,
    RecordTransaction.Counterparty counterparty,
    RecordTransaction.Channel channel,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal balanceAfter,
    String status,
    Risk risk,
    // cards: bin, last4 and masked number only; absent for transactions without a card
    CardView card) {

  /** Status while the streams processor has not decided yet. */
  static final String SCREENING = "SCREENING";

  /** Status once a decision exists. */
  static final String SCREENED = "SCREENED";

  /**
   * @param outcome APPROVE, REVIEW or HOLD
   * @param score sum of the weights of the rules that fired
   * @param reasons every rule that fired, with why
   * @param decidedAt when the decision was made
   * @param ruleVersions the version of each rule the decision was made with
   */
  record Risk(
      String outcome,
      int score,
      List<Reason> reasons,
      Instant decidedAt,
      Map<String, Long> ruleVersions) {}

  record Reason(String rule, String detail, int score) {}
}
