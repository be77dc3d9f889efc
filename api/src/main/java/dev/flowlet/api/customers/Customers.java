package dev.flowlet.api.customers;

import dev.flowlet.api.customers.CustomerCommands.PostalAddress;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code customers} table. */
@Component
class Customers {

  private final JdbcClient jdbc;

  Customers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Customer customer) {
    PostalAddress address = customer.address();
    jdbc.sql(
            """
            insert into customers (id, name, email, phone, address_line1, address_line2,
                postal_code, city, address_country, date_of_birth, country, status, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            customer.id(),
            customer.name(),
            customer.email(),
            customer.phone(),
            address == null ? null : address.line1(),
            address == null ? null : address.line2(),
            address == null ? null : address.postalCode(),
            address == null ? null : address.city(),
            address == null ? null : address.country(),
            customer.dateOfBirth() == null ? null : Date.valueOf(customer.dateOfBirth()),
            customer.country(),
            customer.status(),
            Timestamp.from(customer.createdAt()))
        .update();
  }

  /** Whether the customer was erased (GDPR): their profile must not take personal data again. */
  boolean erased(UUID id) {
    return jdbc.sql("select exists (select 1 from erasure_ledger where subject_id = ?)")
        .param(id)
        .query(Boolean.class)
        .single();
  }

  /** The customer, locked for update when {@code forUpdate}. */
  Optional<Customer> find(UUID id, boolean forUpdate) {
    return jdbc.sql("select * from customers where id = ?" + (forUpdate ? " for update" : ""))
        .param(id)
        .query((rs, row) -> customer(rs))
        .optional();
  }

  void update(Customer customer) {
    PostalAddress address = customer.address();
    jdbc.sql(
            """
            update customers set name = ?, email = ?, phone = ?, address_line1 = ?,
                address_line2 = ?, postal_code = ?, city = ?, address_country = ?, status = ?,
                updated_at = ?
            where id = ?
            """)
        .params(
            customer.name(),
            customer.email(),
            customer.phone(),
            address == null ? null : address.line1(),
            address == null ? null : address.line2(),
            address == null ? null : address.postalCode(),
            address == null ? null : address.city(),
            address == null ? null : address.country(),
            customer.status(),
            Timestamp.from(customer.updatedAt()),
            customer.id())
        .update();
  }

  private static Customer customer(ResultSet rs) throws SQLException {
    String line1 = rs.getString("address_line1");
    Date born = rs.getDate("date_of_birth");
    Timestamp updated = rs.getTimestamp("updated_at");
    return new Customer(
        rs.getObject("id", UUID.class),
        rs.getString("name"),
        rs.getString("email"),
        rs.getString("phone"),
        line1 == null
            ? null
            : new PostalAddress(
                line1,
                rs.getString("address_line2"),
                rs.getString("postal_code"),
                rs.getString("city"),
                rs.getString("address_country")),
        born == null ? null : born.toLocalDate(),
        rs.getString("country"),
        rs.getString("status"),
        rs.getTimestamp("created_at").toInstant(),
        updated == null ? null : updated.toInstant());
  }
}
