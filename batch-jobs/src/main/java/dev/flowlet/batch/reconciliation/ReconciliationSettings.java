package dev.flowlet.batch.reconciliation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param cron when the drop folder is scanned ({@code -} disables it)
 * @param dropDir the drop folder, inside the import folder: files {@code <accountId>/<name>.csv}
 *     are reconciled against that account; default {@code <import-dir>/statements}
 * @param dateTolerance how far a ledger row's date may be from a line's value date to match it
 *     without a transaction id (whole days)
 * @param zone the zone in which a ledger timestamp falls on a value date
 * @param chunkSize lines (and amount groups) per transaction
 * @param maxInvalidLines invalid lines the load step skips before the job fails
 * @param maxUploadSize the largest statement accepted through the API
 * @param retention how long lines and results of finished runs are kept
 * @param format the statement's CSV layout
 */
@Validated
@ConfigurationProperties("flowlet.batch.reconciliation")
record ReconciliationSettings(
    @DefaultValue("0 */15 * * * *") @NotBlank String cron,
    @Nullable Path dropDir,
    @DefaultValue("2d") Duration dateTolerance,
    @DefaultValue("UTC") ZoneId zone,
    @DefaultValue("5000") @Min(1) int chunkSize,
    @DefaultValue("1000") @Min(1) int maxInvalidLines,
    @DefaultValue("64MB") DataSize maxUploadSize,
    @DefaultValue("400d") Duration retention,
    @DefaultValue @Valid StatementFormat format) {

  long toleranceDays() {
    return dateTolerance.toDays();
  }
}
