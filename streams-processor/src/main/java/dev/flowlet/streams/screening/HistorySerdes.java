package dev.flowlet.streams.screening;

import dev.flowlet.streams.rules.evaluation.AccountHistory;
import dev.flowlet.streams.rules.evaluation.CustomerHistory;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Serdes of the history stores, in the histories' own compact binary form. */
final class HistorySerdes {

  private HistorySerdes() {}

  static Serde<AccountHistory> accounts() {
    return Serdes.serdeFrom(
        (topic, history) -> history == null ? null : history.toBytes(),
        (topic, bytes) -> bytes == null ? null : AccountHistory.fromBytes(bytes));
  }

  static Serde<CustomerHistory> customers() {
    return Serdes.serdeFrom(
        (topic, history) -> history == null ? null : history.toBytes(),
        (topic, bytes) -> bytes == null ? null : CustomerHistory.fromBytes(bytes));
  }
}
