package dev.flowlet.api.customers;

import dev.flowlet.api.audit.Actor;
import dev.flowlet.api.audit.AuditTrail;
import dev.flowlet.api.audit.AuditTrail.Outcome;
import dev.flowlet.api.problems.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/customers}: register a data subject and read their profile (audited). */
@RestController
@RequestMapping("/api/v1/customers")
class CustomerController {

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;

  CustomerController(JdbcClient jdbc, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  @PostMapping
  @Transactional
  ResponseEntity<Customer> register(
      @Valid @RequestBody RegisterCustomer command,
      Authentication user,
      HttpServletRequest request) {
    Customer customer =
        new Customer(
            UUID.randomUUID(),
            command.name().strip(),
            command.email().strip(),
            command.country(),
            "ACTIVE",
            clock.instant().truncatedTo(ChronoUnit.MICROS));
    jdbc.sql(
            "insert into customers (id, name, email, country, status, created_at)"
                + " values (?, ?, ?, ?, ?, ?)")
        .params(
            customer.id(),
            customer.name(),
            customer.email(),
            customer.country(),
            customer.status(),
            java.sql.Timestamp.from(customer.createdAt()))
        .update();
    String id = customer.id().toString();
    audit.record(
        Actor.of(user, request), "customer.created", "customer", id, id, Outcome.SUCCESS, Map.of());
    return ResponseEntity.created(URI.create("/api/v1/customers/" + id)).body(customer);
  }

  @GetMapping("/{id}")
  @Transactional
  Customer read(@PathVariable UUID id, Authentication user, HttpServletRequest request) {
    Customer customer =
        jdbc.sql("select id, name, email, country, status, created_at from customers where id = ?")
            .param(id)
            .query(Customer.class)
            .optional()
            .orElseThrow(() -> new NotFoundException("customer"));
    audit.record(
        Actor.of(user, request),
        "customer.read",
        "customer",
        id.toString(),
        id.toString(),
        Outcome.SUCCESS,
        Map.of());
    return customer;
  }

  record RegisterCustomer(
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Email @Size(max = 254) String email,
      @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code")
          String country) {}

  record Customer(
      UUID id, String name, String email, String country, String status, Instant createdAt) {}
}
