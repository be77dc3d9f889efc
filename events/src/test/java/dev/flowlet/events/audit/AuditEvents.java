package dev.flowlet.events.audit;

import dev.flowlet.events.AuditEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Audit events and chains for tests. */
final class AuditEvents {

  static final String PRIVATE_KEY =
      "MC4CAQAwBQYDK2VwBCIEIM4Tq2xq4wAZinKioqLSJq5Psqdl0XL71PGMsF13f1ue";
  static final String PUBLIC_KEY = "MCowBQYDK2VwAyEAjC61TZw1ZQOGkwcV5zcEBjIivJo3crDJ3DIElrSDXe0=";
  static final String OTHER_PRIVATE_KEY =
      "MC4CAQAwBQYDK2VwBCIEIOtd6xXRe2WrA8nKun+vGkgFB46gMzq3fhctxaYzjMcr";

  private AuditEvents() {}

  static AuditEvent transactionCreated(int n) {
    return new AuditEvent(
        AuditEvent.SCHEMA_VERSION,
        "event-" + n,
        "api",
        Instant.parse("2026-11-26T06:00:00.123456Z").plusSeconds(n),
        "demo-operator",
        "OPERATOR",
        "transaction.created",
        "transaction",
        "tx-" + n,
        "customer-7",
        "SUCCESS",
        "10.0.0.1",
        "request-" + n,
        Map.of("amount", "12.00", "currency", "EUR"));
  }

  /** {@code size} events linked from the first. */
  static List<AuditEvent> chain(int size) {
    List<AuditEvent> chain = new ArrayList<>();
    ChainHead head = ChainHead.EMPTY;
    for (int n = 1; n <= size; n++) {
      AuditEvent linked = AuditChain.link(transactionCreated(n), head);
      chain.add(linked);
      head = new ChainHead(linked.sequence(), linked.hash());
    }
    return chain;
  }
}
