package dev.flowlet.api.accounts;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An account as the API shows it. Amounts are decimal strings at the currency's precision.
 *
 * @param balance the booked balance; negative only within the overdraft limit
 * @param overdraftLimit how far below zero the balance may go
 * @param available what can still be spent: balance plus overdraft limit
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Account(
    UUID id,
    UUID customerId,
    String currency,
    String status,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal balance,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal overdraftLimit,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal available,
    Instant openedAt,
    Instant closedAt) {}
