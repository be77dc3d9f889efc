package dev.flowlet.api.customers;

import dev.flowlet.api.audit.Actor;
import dev.flowlet.api.audit.AuditTrail;
import dev.flowlet.api.audit.AuditTrail.Outcome;
import dev.flowlet.api.customers.CustomerCommands.RegisterCustomer;
import dev.flowlet.api.customers.CustomerCommands.UpdateCustomer;
import dev.flowlet.api.problems.ConflictException;
import dev.flowlet.api.problems.NotFoundException;
import dev.flowlet.api.subjectkeys.SubjectKeys;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/customers}: register a data subject, read and correct their profile. Every read
 * and change is audited, since the profile is personal data; the audit details name the fields
 * changed, never their values.
 */
@RestController
@RequestMapping("/api/v1/customers")
class CustomerController {

  private final Customers customers;
  private final SubjectKeys subjectKeys;
  private final AuditTrail audit;
  private final Clock clock;

  CustomerController(Customers customers, SubjectKeys subjectKeys, AuditTrail audit, Clock clock) {
    this.customers = customers;
    this.subjectKeys = subjectKeys;
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
            command.phone(),
            command.address(),
            command.dateOfBirth(),
            command.country(),
            CustomerCommands.CustomerStatus.ACTIVE.name(),
            now(),
            null);
    customers.insert(customer);
    subjectKeys.create(customer.id());
    String id = customer.id().toString();
    audit.record(
        Actor.of(user, request), "customer.created", "customer", id, id, Outcome.SUCCESS, Map.of());
    return ResponseEntity.created(URI.create("/api/v1/customers/" + id)).body(customer);
  }

  @GetMapping("/{id}")
  @Transactional
  Customer read(@PathVariable UUID id, Authentication user, HttpServletRequest request) {
    Customer customer =
        customers.find(id, false).orElseThrow(() -> new NotFoundException("customer"));
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

  @PatchMapping("/{id}")
  @Transactional
  Customer update(
      @PathVariable UUID id,
      @Valid @RequestBody UpdateCustomer command,
      Authentication user,
      HttpServletRequest request) {
    Customer before = customers.find(id, true).orElseThrow(() -> new NotFoundException("customer"));
    if (customers.erased(id)) {
      throw new ConflictException("The customer was erased; their profile takes no personal data");
    }
    Customer after =
        new Customer(
            before.id(),
            command.name() == null ? before.name() : command.name().strip(),
            command.email() == null ? before.email() : command.email().strip(),
            command.phone() == null ? before.phone() : command.phone(),
            command.address() == null ? before.address() : command.address(),
            before.dateOfBirth(),
            before.country(),
            command.status() == null ? before.status() : command.status().name(),
            before.createdAt(),
            now());
    customers.update(after);
    audit.record(
        Actor.of(user, request),
        "customer.updated",
        "customer",
        id.toString(),
        id.toString(),
        Outcome.SUCCESS,
        Map.of("fields", String.join(",", changedFields(before, after))));
    return after;
  }

  private static List<String> changedFields(Customer before, Customer after) {
    List<String> fields = new ArrayList<>();
    if (!before.name().equals(after.name())) fields.add("name");
    if (!before.email().equals(after.email())) fields.add("email");
    if (!Objects.equals(before.phone(), after.phone())) fields.add("phone");
    if (!Objects.equals(before.address(), after.address())) fields.add("address");
    if (!before.status().equals(after.status())) fields.add("status");
    return fields;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
