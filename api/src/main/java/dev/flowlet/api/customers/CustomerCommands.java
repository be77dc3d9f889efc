package dev.flowlet.api.customers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The bodies the customer endpoints accept. */
final class CustomerCommands {

  static final String COUNTRY = "[A-Z]{2}";
  static final String COUNTRY_MESSAGE = "must be an ISO 3166-1 alpha-2 code";
  static final String PHONE = "\\+[1-9][0-9]{6,14}";
  static final String PHONE_MESSAGE = "must be an E.164 number such as +442071234567";

  private CustomerCommands() {}

  /** {@code POST /api/v1/customers}. */
  record RegisterCustomer(
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Email @Size(max = 254) String email,
      @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
      @Valid PostalAddress address,
      @Past(message = "must be in the past") LocalDate dateOfBirth,
      @NotBlank @Pattern(regexp = COUNTRY, message = COUNTRY_MESSAGE) String country) {}

  /** {@code PATCH /api/v1/customers/{id}}: only the fields present change. */
  record UpdateCustomer(
      @Size(min = 1, max = 200) String name,
      @Email @Size(min = 3, max = 254) String email,
      @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
      @Valid PostalAddress address,
      CustomerStatus status) {}

  /**
   * A postal address.
   *
   * @param line1 street and number
   * @param line2 anything else, optional
   * @param postalCode postal code
   * @param city city
   * @param country ISO 3166-1 alpha-2
   */
  record PostalAddress(
      @NotBlank @Size(max = 200) String line1,
      @Size(max = 200) String line2,
      @NotBlank @Size(max = 20) String postalCode,
      @NotBlank @Size(max = 100) String city,
      @NotNull @Pattern(regexp = COUNTRY, message = COUNTRY_MESSAGE) String country) {}

  /** Where a customer relationship stands. */
  enum CustomerStatus {
    ACTIVE,
    SUSPENDED,
    CLOSED
  }
}
