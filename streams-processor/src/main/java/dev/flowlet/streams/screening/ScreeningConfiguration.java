package dev.flowlet.streams.screening;

import dev.flowlet.streams.rules.RiskScoring;
import dev.flowlet.streams.rules.RuleCompiler;
import dev.flowlet.streams.rules.RuleEngine;
import dev.flowlet.streams.rules.evaluation.ReportingCurrency;
import dev.flowlet.streams.rules.sanctions.SanctionsListFile;
import dev.flowlet.streams.rules.travel.CountryCentroids;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/** Wires the rule engine from the settings and adds the screening topology to the Streams app. */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class ScreeningConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ScreeningConfiguration.class);

  @Bean
  SanctionsListFile sanctionsListFile(ScreeningSettings settings) {
    SanctionsListFile file =
        settings.sanctionsList() == null
            ? SanctionsListFile.bundledSample()
            : SanctionsListFile.watching(settings.sanctionsList());
    if (file.path() == null) {
      log.warn(
          "Screening counterparties against the shipped SAMPLE sanctions list ({} entries); set"
              + " flowlet.screening.sanctions-list for a real one",
          file.current().size());
    } else {
      log.info("Sanctions list: {} entries from {}", file.current().size(), file.path());
    }
    return file;
  }

  @Bean(destroyMethod = "close")
  SanctionsListReloader sanctionsListReloader(SanctionsListFile file, ScreeningSettings settings) {
    return SanctionsListReloader.start(file, settings.sanctionsReloadInterval());
  }

  @Bean
  Screening screening(ScreeningSettings settings, SanctionsListFile sanctions, Clock clock) {
    return wire(settings, sanctions, clock);
  }

  static Screening wire(ScreeningSettings settings, SanctionsListFile sanctions, Clock clock) {
    RuleCompiler compiler =
        new RuleCompiler(
            new ReportingCurrency(settings.reportingCurrency(), settings.fxRates()),
            CountryCentroids.bundled(),
            sanctions,
            settings.firstDeviceIsNew());
    RuleEngine engine =
        new RuleEngine(
            settings.grace(),
            settings.alertWindow(),
            settings.maxDevicesPerAccount(),
            settings.maxMovementsPerHistory());
    return new Screening(
        compiler, engine, new RiskScoring(settings.reviewAt(), settings.holdAt()), clock);
  }

  @Bean
  KStream<String, byte[]> screenedTransactions(StreamsBuilder builder, Screening screening) {
    return TransactionScreeningTopology.addTo(builder, screening);
  }
}
