package dev.flowlet.api.transactions;

import dev.flowlet.api.transactions.TransactionAcceptance.AccountRef;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads, locks and posts to the accounts a movement touches. Accounts are locked in id order, so
 * two transfers between the same accounts in opposite directions never deadlock. The database's
 * {@code accounts_within_overdraft} check backs up the funds check made in Java.
 */
@Component
class LedgerPosting {

  private final JdbcClient jdbc;

  LedgerPosting(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The accounts with these ids that exist, locked until the transaction ends. */
  @Transactional(propagation = Propagation.MANDATORY)
  Map<UUID, AccountRef> lock(List<UUID> ids) {
    return jdbc
        .sql(
            """
            select id, customer_id, currency, status, balance, overdraft_limit from accounts
            where id = any(?) order by id for update
            """)
        .param(ids.toArray(UUID[]::new))
        .query(AccountRef.class)
        .stream()
        .collect(Collectors.toMap(AccountRef::id, account -> account));
  }

  /**
   * Applies {@code changes} (account id to signed amount) in one statement and returns each
   * account's new balance.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  Map<UUID, BigDecimal> post(Map<UUID, BigDecimal> changes) {
    StringBuilder values = new StringBuilder();
    Object[] params = new Object[changes.size() * 2];
    int i = 0;
    for (Map.Entry<UUID, BigDecimal> change : changes.entrySet()) {
      values.append(i == 0 ? "" : ", ").append("(?::uuid, ?::numeric)");
      params[i++] = change.getKey();
      params[i++] = change.getValue();
    }
    return jdbc
        .sql(
            "update accounts a set balance = a.balance + v.delta from (values "
                + values
                + ") v(id, delta) where a.id = v.id returning a.id, a.balance")
        .params(params)
        .query((rs, row) -> Map.entry(rs.getObject("id", UUID.class), rs.getBigDecimal("balance")))
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}
