package dev.flowlet.streams.screening;

import dev.flowlet.events.TransactionRecorded;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Two months of everyday banking for a few dozen customers, the same every time (fixed seed): a
 * salary at dawn on the first of the month, up to four card payments a day between 08:00 and 22:00
 * at least 15 minutes apart, a weekly transfer to a friend (sometimes another Flowlet customer,
 * late in the evening), and a few days abroad in a neighbouring country for some. Each account is
 * used from its own laptop and phone.
 */
final class OrdinaryTraffic {

  static final Instant START = Instant.parse("2026-09-01T00:00:00Z");

  private static final String[] COUNTRIES = {"NL", "DE", "FR", "ES", "IT", "BE", "AT"};
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
    "Bol.com"
  };
  private static final String[] FRIENDS = {
    "Maria Garcia",
    "Jan de Vries",
    "Lukas Mueller",
    "Sofia Rossi",
    "Emma Dubois",
    "Noah Peeters",
    "Lena Huber",
    "Pablo Fernandez",
    "Chiara Bianchi",
    "Tom Janssens"
  };

  private OrdinaryTraffic() {}

  static List<TransactionRecorded> twoMonths(int customers, long seed) {
    Random random = new Random(seed);
    List<TransactionRecorded> all = new ArrayList<>();
    for (int c = 0; c < customers; c++) {
      String customer = "cus-" + c;
      String home = COUNTRIES[random.nextInt(COUNTRIES.length)];
      String abroad = COUNTRIES[(indexOf(home) + 1) % COUNTRIES.length];
      boolean travels = random.nextInt(3) == 0;
      int accounts = 1 + random.nextInt(2);
      for (int a = 0; a < accounts; a++) {
        String account = customer + "-acc-" + a;
        for (int day = 0; day < 61; day++) {
          Instant midnight = START.plus(Duration.ofDays(day));
          String country = travels && day >= 20 && day < 24 ? abroad : home;
          if (a == 0 && day % 30 == 0) {
            all.add(
                tx(
                        "DEPOSIT",
                        account,
                        customer,
                        money(random, 1800, 3500),
                        midnight.plus(Duration.ofHours(6)))
                    .counterparty("Employer BV", home)
                    .from(home)
                    .device(null)
                    .build());
          }
          int payments = random.nextInt(5);
          long minute = 8 * 60 + random.nextInt(60);
          for (int p = 0; p < payments && minute < 22 * 60; p++) {
            all.add(
                tx(
                        "CARD_PAYMENT",
                        account,
                        customer,
                        money(random, 5, 120),
                        midnight.plus(Duration.ofMinutes(minute)))
                    .counterparty(MERCHANTS[random.nextInt(MERCHANTS.length)], country)
                    .from(country)
                    .device(random.nextBoolean() ? account + "-phone" : account + "-laptop")
                    .build());
            minute += 15 + random.nextInt(180);
          }
          if (day % 7 == c % 7) {
            Tx transfer =
                tx("TRANSFER", account, customer, money(random, 20, 120), midnight)
                    .counterparty(FRIENDS[random.nextInt(FRIENDS.length)], country)
                    .from(country)
                    .device(account + "-laptop");
            if (random.nextBoolean() && customers > 1) {
              // To another Flowlet customer (who sends on another weekday): after midnight, hours
              // before anyone shops.
              int friend = (c + 1 + random.nextInt(customers - 1)) % customers;
              while (friend % 7 == c % 7) {
                friend = (friend + 1) % customers;
              }
              transfer.to("cus-" + friend + "-acc-0", "cus-" + friend);
              transfer.at(midnight.plus(Duration.ofMinutes(5 + random.nextInt(50))));
            } else {
              transfer.at(midnight.plus(Duration.ofMinutes(23 * 60 + random.nextInt(50))));
            }
            all.add(transfer.build());
          }
        }
      }
    }
    all.sort(Comparator.comparing(TransactionRecorded::occurredAt));
    return all;
  }

  private static Tx tx(String type, String account, String customer, String amount, Instant at) {
    return Tx.transfer().type(type).account(account).customer(customer).amount(amount).at(at);
  }

  private static String money(Random random, int min, int max) {
    long cents = min * 100L + random.nextInt((max - min) * 100);
    return cents / 100 + "." + String.format("%02d", cents % 100);
  }

  private static int indexOf(String country) {
    for (int i = 0; i < COUNTRIES.length; i++) {
      if (COUNTRIES[i].equals(country)) {
        return i;
      }
    }
    return 0;
  }
}
