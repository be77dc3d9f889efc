package dev.flowlet.bench.rules;

import dev.flowlet.events.Topics;
import dev.flowlet.events.TransactionRecorded;
import dev.flowlet.streams.screening.Screening;
import dev.flowlet.streams.screening.TransactionScreeningTopology;
import dev.flowlet.testsupport.kafka.KafkaBroker;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Rule-engine throughput, Kafka to Kafka: pre-loads N transactions into {@code
 * flowlet.transactions.v1} on a real in-process broker, then runs over the same data first an
 * identity topology (read, write) as the baseline and then the screening topology with every rule
 * on, both with the streams-processor's processing settings, and prints transactions per second of
 * each and their ratio.
 *
 * <p>Run: {@code ./mvnw -B -pl bench -am verify -DskipTests -Pbench-rules
 * [-Dbench.transactions=200000] [-Dbench.rounds=3]}
 */
public final class RuleEngineBenchmark {

  private static final String IDENTITY_OUTPUT = "bench.identity.v1";

  private RuleEngineBenchmark() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path work = Files.createTempDirectory("flowlet-bench-rules");
    System.out.printf(
        "Rule-engine benchmark: %,d transactions, %d cores, Java %s, streams settings %s%n",
        count,
        Runtime.getRuntime().availableProcessors(),
        Runtime.version(),
        AppStreamsProperties.load());
    try (KafkaBroker broker = KafkaBroker.start(work.resolve("kafka"), 0)) {
      String bootstrap = broker.bootstrapServers();
      createTopics(bootstrap);
      TransactionMix mix = new TransactionMix(Math.max(100, count / 10), Duration.ofDays(30), 42);
      long loadStarted = System.nanoTime();
      preload(bootstrap, mix, count);
      System.out.printf(
          "Pre-loaded %,d transactions of %,d customers / %,d accounts in %.1f s%n",
          count,
          Math.max(100, count / 10),
          mix.accounts(),
          (System.nanoTime() - loadStarted) / 1e9);

      List<TopologyRun.Result> results = new ArrayList<>();
      String loadBefore = loadAverage();
      for (int round = 1; round <= rounds; round++) {
        // Earlier rounds warm the JIT up (the rules' code paths take seconds of compilation on
        // two cores); the last round is the measurement.
        String suffix = round < rounds ? " (warm-up)" : "";
        results.add(
            TopologyRun.run(
                "identity" + suffix,
                identity(),
                bootstrap,
                work.resolve("identity-" + round),
                IDENTITY_OUTPUT,
                (long) count * round));
        results.add(
            TopologyRun.run(
                "rules" + suffix,
                TransactionScreeningTopology.build(
                    Screening.withDefaultSettings(Clock.systemUTC())),
                bootstrap,
                work.resolve("rules-" + round),
                Topics.RISK_DECISIONS.name(),
                (long) count * round));
      }
      String loadAfter = loadAverage();

      for (TopologyRun.Result result : results) {
        System.out.printf(
            Locale.ROOT,
            "%-20s %,10.0f tx/s  (%,d transactions in %.2f s after start-up, %.2f s with it;"
                + " process CPU %.1f s = %.2f cores, %.0f us per transaction)%n",
            result.name(),
            count / (result.running().toNanos() / 1e9),
            count,
            result.running().toNanos() / 1e9,
            result.total().toNanos() / 1e9,
            result.cpu().toNanos() / 1e9,
            result.cpu().toNanos() / (double) result.total().toNanos(),
            result.cpu().toNanos() / 1e3 / count);
        StringBuilder split = new StringBuilder("    CPU by threads:");
        result
            .cpuByThreads()
            .forEach(
                (group, seconds) ->
                    split.append(String.format(Locale.ROOT, " %s %.1f s;", group, seconds)));
        System.out.println(split);
      }
      TopologyRun.Result identity = results.get(results.size() - 2);
      TopologyRun.Result rules = results.getLast();
      System.out.printf(
          Locale.ROOT,
          "RESULT identity %,.0f tx/s, rules %,.0f tx/s, rules/identity = %.0f%%%n",
          count / (identity.running().toNanos() / 1e9),
          count / (rules.running().toNanos() / 1e9),
          100.0 * identity.running().toNanos() / rules.running().toNanos());
      System.out.printf("load average before: %s; after: %s%n", loadBefore, loadAfter);
    }
  }

  private static Topology identity() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(
            Topics.TRANSACTIONS.name(),
            Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("identity-source"))
        .to(
            IDENTITY_OUTPUT,
            Produced.with(Serdes.String(), Serdes.ByteArray()).withName("identity-sink"));
    return builder.build();
  }

  private static void createTopics(String bootstrap) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      List<NewTopic> topics = new ArrayList<>(List.of(Topics.newTopics((short) 1)));
      topics.add(new NewTopic(IDENTITY_OUTPUT, Topics.PARTITIONS, (short) 1));
      admin.createTopics(topics).all().get();
    }
  }

  private static void preload(String bootstrap, TransactionMix mix, int count) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
      mix.generate(
          count,
          (TransactionRecorded transaction) ->
              producer.send(
                  new ProducerRecord<>(
                      Topics.TRANSACTIONS.name(),
                      transaction.accountId(),
                      Topics.TRANSACTIONS.valueSerde().serializer().serialize("t", transaction))));
      producer.flush();
    }
  }

  private static String loadAverage() {
    return String.format(
        Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
