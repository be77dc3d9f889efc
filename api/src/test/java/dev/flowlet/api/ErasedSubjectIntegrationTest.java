package dev.flowlet.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.testsupport.spring.RealInfrastructure;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestConstructor;

/**
 * After an erasure (as {@code gdprErasureJob} leaves it: a row in the erasure ledger, the card's
 * data key emptied) the API neither takes personal data for the subject again nor fails on their
 * card: both are clear 409 problems, and the refused card reveal is audited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
@ActiveProfiles("local")
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class ErasedSubjectIntegrationTest {

  private final ApiClient api;
  private final JdbcClient jdbc;
  private final String operator;

  ErasedSubjectIntegrationTest(@LocalServerPort int port, JdbcClient jdbc) {
    this.api = new ApiClient(port);
    this.jdbc = jdbc;
    this.operator = api.token("demo-operator");
  }

  @Test
  void refusesPersonalDataForAnErasedCustomerAndTheirErasedCard() {
    String customer = api.createCustomer(operator);
    String account = api.openFundedAccount(operator, customer, "1000.00");
    ApiClient.Response paid =
        api.postTransaction(
            operator,
            UUID.randomUUID().toString(),
            CardPayments.payment(account, "4111 1111 1111 1111"));
    assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
    String transaction = paid.json().get("id").asString();
    jdbc.sql(
            "insert into erasure_ledger (subject_id, request_id, approved_by, erased_at)"
                + " values (?::uuid, gen_random_uuid(), 'demo-approver', now())")
        .param(customer)
        .update();
    jdbc.sql(
            """
            update cards set wrapped_data_key = ''::bytea, encrypted_pan = ''::bytea
            where id = (select card_id from transactions where id = ?::uuid)
            """)
        .param(transaction)
        .update();

    ApiClient.Response patched =
        api.patch(
            "/api/v1/customers/" + customer,
            operator,
            "{\"name\":\"Ada Restored\",\"email\":\"ada.restored@example.com\"}");
    ApiClient.Response revealed =
        api.post(
            "/api/v1/transactions/" + transaction + "/card/reveal",
            api.token("demo-officer"),
            "{\"reason\":\"Chargeback dispute CB-3310 requested by the issuer\"}");

    assertThat(patched.status()).isEqualTo(409);
    assertThat(patched.contentType()).startsWith("application/problem+json");
    assertThat(patched.body()).doesNotContain("Ada Restored");
    assertThat(
            jdbc.sql("select name from customers where id = ?::uuid")
                .param(customer)
                .query(String.class)
                .single())
        .isNotEqualTo("Ada Restored");
    assertThat(revealed.status()).isEqualTo(409);
    assertThat(revealed.contentType()).startsWith("application/problem+json");
    assertThat(revealed.body()).contains("erased").doesNotContain("4111");
    assertThat(
            jdbc.sql(
                    """
                    select actor || ' ' || outcome || ' ' || subject_id || ' '
                        || (details->>'refusal')
                    from audit_logs where resource_id = ? and action like 'cardholder_data.%'
                    """)
                .param(transaction)
                .query(String.class)
                .list())
        .as("the refused reveal is audited, naming the erased subject")
        .containsExactly("demo-officer FAILURE " + customer + " card_erased");
  }
}
