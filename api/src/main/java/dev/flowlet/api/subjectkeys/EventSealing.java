package dev.flowlet.api.subjectkeys;

import dev.flowlet.events.SubjectDataCipher;
import dev.flowlet.events.TransactionRecorded;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns the personal fields of a {@link TransactionRecorded} into what schema 2 carries: a keyed
 * pseudonym where a rule compares values, the clear value sealed with the data subject's key, and
 * no clear value. A subject without a key (erased) gets neither: the field is simply absent.
 */
@Component
public class EventSealing {

  private final SubjectKeys keys;

  EventSealing(SubjectKeys keys) {
    this.keys = keys;
  }

  /** The channel of a movement by {@code holder}: country in clear, device pseudonymised. */
  @Transactional(propagation = Propagation.MANDATORY)
  public TransactionRecorded.Channel channel(UUID holder, String country, String deviceId) {
    Optional<byte[]> key = deviceId == null ? Optional.empty() : keys.keyOf(holder);
    if (key.isEmpty()) {
      return new TransactionRecorded.Channel(country, null, null, null);
    }
    return new TransactionRecorded.Channel(
        country,
        null,
        SubjectDataCipher.pseudonym(key.get(), TransactionRecorded.DEVICE_PSEUDONYM, deviceId),
        keys.cipher()
            .seal(key.get(), holder.toString(), TransactionRecorded.SEALED_DEVICE_ID, deviceId));
  }

  /**
   * The counterparty: an outside party's name stays in clear (sanctions screening needs it); the
   * name given for a Flowlet customer credited by a transfer names a data subject and travels
   * sealed with that customer's key.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public TransactionRecorded.Counterparty counterparty(
      String name, String country, UUID creditedAccount, UUID creditedCustomer) {
    if (creditedCustomer == null) {
      return new TransactionRecorded.Counterparty(name, country);
    }
    var sealed =
        keys.keyOf(creditedCustomer)
            .map(
                key ->
                    keys.cipher()
                        .seal(
                            key,
                            creditedCustomer.toString(),
                            TransactionRecorded.SEALED_COUNTERPARTY_NAME,
                            name))
            .orElse(null);
    return new TransactionRecorded.Counterparty(
        null, country, creditedAccount.toString(), creditedCustomer.toString(), sealed);
  }
}
