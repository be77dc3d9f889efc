package dev.flowlet.api.attacks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The real resources the attacks aim at, created once per running API through its own endpoints:
 * two customers with an account each (the second one is "another customer"), a deposit on the
 * first, a pending rule change, and a staff user that administrative calls may change without
 * touching the demo users other tests sign in as.
 */
record Fixtures(
    String customer,
    String account,
    String otherCustomer,
    String otherAccount,
    String transaction,
    String ruleChange,
    String staffUser) {

  private static Fixtures created;
  private static int createdFor;

  static synchronized Fixtures of(AttackClient client) {
    if (created == null || createdFor != client.port) {
      created = create(client);
      createdFor = client.port;
    }
    return created;
  }

  private static Fixtures create(AttackClient client) {
    String operator = client.token(Caller.OPERATOR);
    String customer = customer(client, operator, "Grace Hopper", "grace@example.com");
    String account = account(client, operator, customer);
    String otherCustomer = customer(client, operator, "Alan Turing", "alan@example.com");
    String otherAccount = account(client, operator, otherCustomer);
    String transaction =
        client.created(
            "/api/v1/transactions",
            operator,
            """
            {"accountId":"%s","type":"DEPOSIT","amount":"500.00","currency":"EUR",
             "occurredAt":"%s",
             "counterparty":{"name":"Payroll Ltd","country":"GB"},
             "channel":{"country":"GB","deviceId":"device-fixture"}}"""
                .formatted(account, Instant.now().minus(1, ChronoUnit.HOURS)));
    String ruleChange =
        client.created(
            "/api/v1/rules/changes",
            client.token(Caller.COMPLIANCE_OFFICER),
            """
            {"rule":"VELOCITY_COUNT","reason":"Attack suite fixture, same parameters"}""");
    String staffUser = "attack-target-" + UUID.randomUUID().toString().substring(0, 8);
    AttackClient.Response user =
        client.json(
            "POST",
            "/api/v1/users",
            client.token(Caller.ADMIN),
            """
            {"username":"%s","password":"attack-target-password-1","roles":["AUDITOR"]}"""
                .formatted(staffUser));
    if (user.status() != 201) {
      throw new IllegalStateException("creating the target staff user failed: " + user);
    }
    return new Fixtures(
        customer, account, otherCustomer, otherAccount, transaction, ruleChange, staffUser);
  }

  private static String customer(AttackClient client, String operator, String name, String email) {
    return client.created(
        "/api/v1/customers",
        operator,
        """
        {"name":"%s","email":"%s","country":"GB"}"""
            .formatted(name, email));
  }

  private static String account(AttackClient client, String operator, String customer) {
    return client.created(
        "/api/v1/accounts",
        operator,
        """
        {"customerId":"%s","currency":"EUR"}"""
            .formatted(customer));
  }
}
