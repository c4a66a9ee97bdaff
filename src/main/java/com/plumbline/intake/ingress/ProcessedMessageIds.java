package com.plumbline.intake.ingress;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The intake route's idempotent repository, in PostgreSQL ({@code camel_messageprocessed}):
 * shared by every instance and kept across restarts. The key is added with
 * {@code INSERT ... ON CONFLICT DO NOTHING} on the table's unique key, inside the route's
 * transaction: two identical webhooks arriving at the same moment are decided by the database
 * (the second insert waits for the first transaction and then finds the key), so both are
 * answered with success and the message is stored once. A look-then-insert (camel-jpa's
 * {@code JpaMessageIdRepository}) let the second fail on the unique key and answer 503.
 */
public class ProcessedMessageIds extends ServiceSupport implements IdempotentRepository {

    private final JdbcTemplate jdbc;
    private final String processorName;

    public ProcessedMessageIds(JdbcTemplate jdbc, String processorName) {
        this.jdbc = jdbc;
        this.processorName = processorName;
    }

    /** @return true when the key is new (this caller owns it), false for a duplicate */
    @Override
    public boolean add(String key) {
        return jdbc.update("""
                insert into camel_messageprocessed (id, processor_name, message_id, created_at)
                values (nextval('camel_messageprocessed_seq'), ?, ?, localtimestamp)
                on conflict (processor_name, message_id) do nothing""", processorName, key) == 1;
    }

    @Override
    public boolean contains(String key) {
        Integer count = jdbc.queryForObject(
                "select count(*) from camel_messageprocessed where processor_name = ? and message_id = ?",
                Integer.class, processorName, key);
        return count != null && count > 0;
    }

    /** A failed exchange's key goes; with the route's transaction rolling back, it was never committed anyway. */
    @Override
    public boolean remove(String key) {
        return jdbc.update("delete from camel_messageprocessed where processor_name = ? and message_id = ?",
                processorName, key) > 0;
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        jdbc.update("delete from camel_messageprocessed where processor_name = ?", processorName);
    }
}
