package dev.flowlet.api.cards;

import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when cards exist under a key id the key ring lacks: better no API than one that
 * accepts payments and then cannot reveal or rotate their cards. Runs after the migrations.
 */
@Component
@DependsOnDatabaseInitialization
class CardKeyRingCheck implements InitializingBean {

  private final CardRows rows;
  private final CardKeyRing keys;

  CardKeyRingCheck(CardRows rows, CardKeyRing keys) {
    this.rows = rows;
    this.keys = keys;
  }

  @Override
  public void afterPropertiesSet() {
    List<String> missing =
        rows.keyIdsInUse().stream().filter(id -> !keys.keyIds().contains(id)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "Cards are encrypted under card key id(s) "
              + missing
              + " that flowlet.api.cards.keys (FLOWLET_CARD_KEYS) does not configure: add them"
              + " back. Remove a key only after POST /api/v1/admin/card-keys/rotate answered"
              + " \"remaining\": 0 under a newer active key.");
    }
  }
}
