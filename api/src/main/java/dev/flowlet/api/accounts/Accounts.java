package dev.flowlet.api.accounts;

import dev.flowlet.api.transactions.Currencies;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code accounts} table. */
@Component
class Accounts {

  private final JdbcClient jdbc;

  Accounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Account account) {
    jdbc.sql(
            """
            insert into accounts (id, customer_id, currency, status, balance, overdraft_limit,
                opened_at)
            values (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            account.id(),
            account.customerId(),
            account.currency(),
            account.status(),
            account.balance(),
            account.overdraftLimit(),
            Timestamp.from(account.openedAt()))
        .update();
  }

  Optional<Account> find(UUID id, boolean forUpdate) {
    return jdbc.sql("select * from accounts where id = ?" + (forUpdate ? " for update" : ""))
        .param(id)
        .query((rs, row) -> account(rs))
        .optional();
  }

  List<Account> ofCustomer(UUID customerId) {
    return jdbc.sql("select * from accounts where customer_id = ? order by opened_at, id")
        .param(customerId)
        .query((rs, row) -> account(rs))
        .list();
  }

  boolean customerExists(UUID customerId) {
    return jdbc.sql("select exists (select 1 from customers where id = ?)")
        .param(customerId)
        .query(Boolean.class)
        .single();
  }

  void changeStatus(UUID id, AccountStatus status, Timestamp closedAt) {
    jdbc.sql("update accounts set status = ?, closed_at = ? where id = ?")
        .params(status.name(), closedAt, id)
        .update();
  }

  private static Account account(ResultSet rs) throws SQLException {
    String currency = rs.getString("currency");
    int digits = Currencies.fractionDigits(currency);
    BigDecimal balance = rs.getBigDecimal("balance").setScale(digits);
    BigDecimal overdraft = rs.getBigDecimal("overdraft_limit").setScale(digits);
    Timestamp closed = rs.getTimestamp("closed_at");
    return new Account(
        rs.getObject("id", UUID.class),
        rs.getObject("customer_id", UUID.class),
        currency,
        rs.getString("status"),
        balance,
        overdraft,
        balance.add(overdraft),
        rs.getTimestamp("opened_at").toInstant(),
        closed == null ? null : closed.toInstant());
  }
}
