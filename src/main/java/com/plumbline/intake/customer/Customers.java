package com.plumbline.intake.customer;

import java.sql.Timestamp;

import com.plumbline.intake.ingress.InboundMessage;
import org.apache.camel.Body;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matches a message to its customer by phone number, creating the customer on first contact.
 * The insert is an upsert, so two first messages from one new number at once (or two instances)
 * end with one customer.
 */
@Component("customers")
public class Customers {

    private final CustomerRepository repository;
    private final JdbcTemplate jdbc;
    private final PhoneNumbers phoneNumbers;

    public Customers(CustomerRepository repository, JdbcTemplate jdbc, PhoneNumbers phoneNumbers) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.phoneNumbers = phoneNumbers;
    }

    /**
     * The JMS group of a message on {@code intake.inbound}: its sender's E.164 number. Artemis
     * hands a group to one consumer at a time, so one customer's messages are threaded in the
     * order they came while other customers' go on in parallel. An unreadable number has none.
     */
    public String orderingKey(@Body InboundMessage message) {
        PhoneNumbers.Normalised phone = phoneNumbers.normalise(message.from());
        return phone.valid() ? phone.value() : null;
    }

    @Transactional
    public Customer match(@Body InboundMessage message) {
        PhoneNumbers.Normalised phone = phoneNumbers.normalise(message.from());
        jdbc.update("""
                insert into customer (phone_e164, phone_valid, created_at, last_seen_at) values (?, ?, now(), ?)
                on conflict (phone_e164) do nothing""",
                phone.value(), phone.valid(), Timestamp.from(message.receivedAt()));
        Customer customer = repository.findByPhone(phone.value()).orElseThrow();
        customer.seenAt(message.receivedAt());
        return customer;
    }
}
