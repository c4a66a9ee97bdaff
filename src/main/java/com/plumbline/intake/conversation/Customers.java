package com.plumbline.intake.conversation;

import java.sql.Timestamp;
import java.util.List;

import com.plumbline.intake.ingress.InboundMessage;
import org.apache.camel.Body;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matches a message to its customer by phone number, creating the customer on first contact.
 * The insert is an upsert, so two first messages from one new number at once (or two instances)
 * end with one customer. A number that cannot be read is nobody in particular: its own customer.
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
        if (!phone.valid()) {
            return repository.findById(stranger(message, phone)).orElseThrow();
        }
        jdbc.update("""
                insert into customer (phone_e164, phone_valid, created_at, last_seen_at) values (?, true, now(), ?)
                on conflict (phone_e164) where phone_valid do nothing""",
                phone.value(), Timestamp.from(message.receivedAt()));
        Customer customer = repository.findValidByPhone(phone.value()).orElseThrow();
        customer.seenAt(message.receivedAt());
        return customer;
    }

    /**
     * A number that cannot be read ("Anonymous", "unknown") says nothing about who called: each
     * such event gets its own customer, flagged {@code phone_valid = false}, so strangers share no
     * conversation, priority or repeat-message urgency. A redelivered event finds the customer its
     * stored message already has.
     */
    private long stranger(InboundMessage message, PhoneNumbers.Normalised phone) {
        List<Long> known = jdbc.queryForList("""
                select c.customer_id from message m join conversation c on c.id = m.conversation_id
                where m.provider = ? and m.provider_message_id = ? and m.direction = 'INBOUND'""",
                Long.class, message.provider().name(), message.threadKey());
        if (!known.isEmpty()) {
            return known.get(0);
        }
        return jdbc.queryForObject("""
                insert into customer (phone_e164, phone_valid, created_at, last_seen_at) values (?, false, now(), ?)
                returning id""", Long.class, phone.value(), Timestamp.from(message.receivedAt()));
    }
}
