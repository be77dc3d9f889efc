package dev.flowlet.api.customers;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.flowlet.api.customers.CustomerCommands.PostalAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A data subject's profile as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Customer(
    UUID id,
    String name,
    String email,
    String phone,
    PostalAddress address,
    LocalDate dateOfBirth,
    String country,
    String status,
    Instant createdAt,
    Instant updatedAt) {}
