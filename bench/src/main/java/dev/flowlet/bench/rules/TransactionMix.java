package dev.flowlet.bench.rules;

import dev.flowlet.events.TransactionRecorded;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A realistic spread of transactions, the same for a given seed: customers with one to three
 * accounts, a few very active accounts and many quiet ones, mostly card payments, then transfers (a
 * third of them to other Flowlet customers), deposits, withdrawals and refunds, amounts spread
 * log-normally, event times over {@code days} in order. A few in a thousand look suspicious (large
 * amounts, a high-risk country, a sanctioned name), as in real traffic.
 */
final class TransactionMix {

  private static final String[] MERCHANTS = {
    "Albert Heijn",
    "Carrefour",
    "Deutsche Bahn",
    "MediaMarkt",
    "Spotify AB",
    "Booking.com",
    "Zalando SE",
    "IKEA",
    "Lidl",
    "Aldi Sued",
    "Rewe",
    "El Corte Ingles",
    "Esselunga",
    "Fnac",
    "Decathlon",
    "H&M",
    "Uber BV",
    "TotalEnergies",
    "NS Reizigers",
    "Bol.com",
    "Amazon EU",
    "Apple Services",
    "Shell Retail",
    "Netflix International",
    "Vodafone"
  };
  private static final String[] PEOPLE = {
    "Maria Garcia", "Jan de Vries", "Lukas Mueller", "Sofia Rossi", "Emma Dubois", "Noah Peeters",
    "Lena Huber", "Pablo Fernandez", "Chiara Bianchi", "Tom Janssens", "Ana Silva", "Piotr Nowak"
  };
  private static final String[] COUNTRIES = {"NL", "DE", "FR", "ES", "IT", "BE", "AT", "PL", "PT"};

  private final int customers;
  private final int accounts;
  private final Duration span;
  private final long seed;

  TransactionMix(int customers, Duration span, long seed) {
    this.customers = customers;
    this.accounts = customers * 2;
    this.span = span;
    this.seed = seed;
  }

  int accounts() {
    return accounts;
  }

  /** Generates {@code count} transactions in event-time order and hands each to {@code sink}. */
  void generate(int count, Consumer<TransactionRecorded> sink) {
    Random random = new Random(seed);
    Instant start = Instant.parse("2026-10-01T00:00:00Z");
    long step = span.toMillis() / count;
    for (int i = 0; i < count; i++) {
      // Skewed activity: account numbers near 0 are far busier than the rest.
      double r = random.nextDouble();
      int account = (int) (accounts * r * r * r);
      int customer = account % customers;
      String home = COUNTRIES[customer % COUNTRIES.length];
      Instant at = start.plusMillis(i * step + random.nextInt((int) Math.max(1, step)));
      int kind = random.nextInt(100);
      String type;
      String counterparty;
      String creditedAccount = null;
      String creditedCustomer = null;
      double amount;
      if (kind < 55) {
        type = "CARD_PAYMENT";
        counterparty = MERCHANTS[random.nextInt(MERCHANTS.length)];
        amount = Math.exp(3.2 + random.nextGaussian() * 0.8);
      } else if (kind < 70) {
        type = "TRANSFER";
        counterparty = PEOPLE[random.nextInt(PEOPLE.length)];
        amount = Math.exp(4.5 + random.nextGaussian() * 0.9);
        if (random.nextInt(3) == 0) {
          int credited = random.nextInt(accounts);
          creditedAccount = "acc-" + credited;
          creditedCustomer = "cus-" + credited % customers;
        }
      } else if (kind < 80) {
        type = "WITHDRAWAL";
        counterparty = "ATM " + home;
        amount = 20 + 20 * random.nextInt(10);
      } else if (kind < 97) {
        type = "DEPOSIT";
        counterparty = "Employer " + customer % 500;
        amount = Math.exp(7.3 + random.nextGaussian() * 0.5);
      } else {
        type = "REFUND";
        counterparty = MERCHANTS[random.nextInt(MERCHANTS.length)];
        amount = Math.exp(3.0 + random.nextGaussian() * 0.7);
      }
      String counterpartyCountry = home;
      int odd = random.nextInt(1000);
      if (odd == 0) {
        amount = 12_000 + random.nextInt(20_000);
      } else if (odd == 1) {
        counterpartyCountry = "IR";
      } else if (odd == 2) {
        counterparty = "Banco Nacional de Cuba";
      }
      sink.accept(
          new TransactionRecorded(
              TransactionRecorded.SCHEMA_VERSION,
              "evt-" + i,
              "tx-" + seed + "-" + i,
              "acc-" + account,
              "cus-" + customer,
              type,
              BigDecimal.valueOf(Math.max(1, Math.round(amount * 100)), 2),
              "EUR",
              at,
              at.plusMillis(150),
              new TransactionRecorded.Counterparty(
                  counterparty, counterpartyCountry, creditedAccount, creditedCustomer),
              new TransactionRecorded.Channel(
                  home,
                  type.equals("DEPOSIT") ? null : "device-" + account + "-" + random.nextInt(2))));
    }
  }
}
