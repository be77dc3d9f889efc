package dev.flowlet.elastic;

import dev.flowlet.events.Alert;
import dev.flowlet.events.AuditEvent;
import dev.flowlet.events.EventJson;
import dev.flowlet.events.RiskDecision;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/** Real events from {@code events/}, every field filled, serialised the way the sink sees them. */
final class Events {

  static final Instant NOVEMBER_3RD = Instant.parse("2026-11-03T10:15:30.123456789Z");

  private Events() {}

  static AuditEvent cardholderDataRead() {
    return new AuditEvent(
        AuditEvent.SCHEMA_VERSION,
        "audit-7f1c2e",
        "api",
        NOVEMBER_3RD,
        "demo-officer",
        "COMPLIANCE_OFFICER",
        "cardholder_data.read",
        "card",
        "card-42",
        "customer-17",
        "SUCCESS",
        "10.1.2.3",
        "req-9",
        Map.of("reason", "chargeback investigation", "ticket", "CASE-881"));
  }

  static RiskDecision heldTransfer() {
    return new RiskDecision(
        RiskDecision.SCHEMA_VERSION,
        "decision-5d2",
        "tx-31",
        "account-8",
        "customer-17",
        70,
        RiskDecision.Outcome.HOLD,
        List.of(
            new RiskDecision.Reason(
                "LARGE_AMOUNT", "Amount 25000.00 EUR is above the 10000.00 EUR limit", 40),
            new RiskDecision.Reason("NEW_BENEFICIARY", "First transfer to this beneficiary", 30)),
        NOVEMBER_3RD,
        NOVEMBER_3RD.plusMillis(12),
        Map.of("LARGE_AMOUNT", 3L, "NEW_BENEFICIARY", 1L));
  }

  static Alert largeAmountAlert() {
    return new Alert(
        Alert.SCHEMA_VERSION,
        "alert-LARGE_AMOUNT-tx-31",
        "tx-31",
        "account-8",
        "customer-17",
        "LARGE_AMOUNT",
        Alert.Severity.HIGH,
        "Amount 25000.00 EUR is above the 10000.00 EUR limit",
        NOVEMBER_3RD);
  }

  /** As on the wire, plus the hash-chain fields issue 6 adds to every audit event. */
  static ObjectNode chainedJson(AuditEvent event) {
    ObjectNode json = json(event);
    json.put("sequence", 41L);
    json.put("previousHash", "9f2c" + "0".repeat(60));
    json.put("hash", "a1b2" + "0".repeat(60));
    return json;
  }

  /** As on the wire, plus the case fields alert case management adds. */
  static ObjectNode withCase(Alert alert) {
    ObjectNode json = json(alert);
    json.put("status", "CLOSED");
    json.put("assignee", "demo-officer");
    json.put("closedAs", "FALSE_POSITIVE");
    json.put("updatedAt", "2026-11-04T08:00:00Z");
    return json;
  }

  static ObjectNode json(Object event) {
    return (ObjectNode) EventJson.mapper().valueToTree(event);
  }
}
