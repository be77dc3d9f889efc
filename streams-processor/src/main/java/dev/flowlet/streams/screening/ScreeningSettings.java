package dev.flowlet.streams.screening;

import dev.flowlet.events.Alert.Severity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Rule parameters and decision thresholds.
 *
 * @param reviewAt the smallest score that asks for a review
 * @param holdAt the smallest score that holds a transaction
 * @param largeAmount parameters of {@code LARGE_AMOUNT}
 */
@ConfigurationProperties("flowlet.screening")
@Validated
record ScreeningSettings(
    @DefaultValue("50") @Positive int reviewAt,
    @DefaultValue("100") @Positive int holdAt,
    @DefaultValue @Valid LargeAmount largeAmount) {

  /**
   * @param threshold the smallest amount that fires
   * @param score the weight of a hit
   * @param severity the severity of its alert
   */
  record LargeAmount(
      @DefaultValue("10000.00") @NotNull @Positive BigDecimal threshold,
      @DefaultValue("60") @Positive int score,
      @DefaultValue("HIGH") @NotNull Severity severity) {}
}
