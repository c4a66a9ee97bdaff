package com.plumbline.intake.dashboard;

import java.sql.PreparedStatement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.plumbline.intake.conversation.ThreadedMessage;
import com.plumbline.intake.notify.MessageSummaries;
import com.plumbline.intake.notify.MessageSummary;
import org.apache.camel.Body;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The dispatch board's event log. Every event sent on {@code /ws/dashboard} is stored first
 * (table dashboard_event) and carries its row id as {@code eventId}, increasing: a page that was
 * offline asks {@code GET /api/dashboard/events?after=ID} for what it missed. Presence and typing
 * are not stored: they are only true while they happen.
 */
@Component("dashboardEvents")
public class DashboardEvents {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardEvents.class);
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final MessageSummaries messages;
    private final BoardSessions boards;
    private final ProducerTemplate routes;

    public DashboardEvents(JdbcTemplate jdbc, ObjectMapper json, MessageSummaries messages, BoardSessions boards,
                           ProducerTemplate routes) {
        this.jdbc = jdbc;
        this.json = json;
        this.messages = messages;
        this.boards = boards;
        this.routes = routes;
    }

    /**
     * Route step (process-message): a new customer message on every board's live feed. Inside a
     * transaction the event is stored with it and sent once it commits, so no board shows a message
     * that a rollback takes back. Never fails the intake: the board is a view, and a page that
     * missed it reads the feed again.
     */
    public void messageReceived(@Body ThreadedMessage message) {
        try {
            Map<String, Object> event = about("message", messages.of(message.messageId()));
            event.put("status", "OPEN");
            announce(event);
        } catch (RuntimeException | JsonProcessingException e) {
            LOG.warn("Message {} not announced to the dashboards: {}", message.messageId(), e.toString());
        }
    }

    /** An event of this type about a message: what every board shows of it (the customer masked). */
    static Map<String, Object> about(String type, MessageSummary message) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        event.put("messageId", message.messageId());
        event.put("priority", message.priority());
        event.put("serviceType", message.serviceType());
        event.put("channel", message.channel());
        event.put("customer", message.customerLabel());
        event.put("customerId", message.customerId());
        event.put("body", message.body());
        event.put("receivedAt", message.receivedAt());
        event.put("responseDue", message.responseDue());
        return event;
    }

    /**
     * Stores an event in the transaction this thread is in and sends it to the boards once that
     * commits (at once without one), so no board shows what a rollback takes back.
     */
    public void announce(Map<String, Object> event) throws JsonProcessingException {
        Map<String, Object> stored = store(event, null);
        String frame = json.writeValueAsString(stored);
        Long messageId = number(stored.get("messageId"));
        afterCommit(() -> {
            boards.deliverAbout(frame, messageId);
            relay(frame);
        });
    }

    /** Runs now, or after the commit of the transaction this thread is in. */
    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    LOG.warn("A dashboard event was not sent: {}", e.toString());
                }
            }
        });
    }

    /** Stores an event and sends it to every board that may see it; answers it with its eventId. */
    public Map<String, Object> publish(Map<String, Object> event, String actor) throws JsonProcessingException {
        Map<String, Object> stored = store(event, actor);
        String written = json.writeValueAsString(stored);
        boards.deliverAbout(written, number(stored.get("messageId")));
        relay(written);
        return stored;
    }

    /** To the other instances' boards (route board-relay); a board that misses it catches up from the store. */
    private void relay(String event) {
        try {
            routes.sendBody("direct:board-relay", event);
        } catch (RuntimeException e) {
            LOG.warn("Dashboard event not relayed to the other instances: {}", e.toString());
        }
    }

    /**
     * Stored events after the given id, oldest first; for {@code onlyFor} (a technician's staff id)
     * only the events about messages routed to them.
     */
    public List<Map<String, Object>> since(long after, int limit, Long onlyFor) {
        return jdbc.query("""
                select id, payload from dashboard_event d where id > ?
                  and (cast(? as bigint) is null or exists (select 1 from notification n
                       where n.message_id = d.message_id and n.staff_member_id = ?))
                order by id limit ?""", (rs, row) -> {
            try {
                Map<String, Object> event = json.readValue(rs.getString("payload"), MAP);
                event.put("eventId", rs.getLong("id"));
                return event;
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable dashboard event " + rs.getLong("id"), e);
            }
        }, after, onlyFor, onlyFor, limit);
    }

    /** The id of the newest stored event (0 when none): where a fresh page starts listening. */
    public long lastId() {
        Long id = jdbc.queryForObject("select max(id) from dashboard_event", Long.class);
        return id == null ? 0 : id;
    }

    private Map<String, Object> store(Map<String, Object> event, String actor) throws JsonProcessingException {
        event.remove("eventId");
        String payload = json.writeValueAsString(event);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement(
                    "insert into dashboard_event (type, message_id, customer_id, actor, payload) values (?, ?, ?, ?, ?)",
                    new String[] {"id"});
            insert.setString(1, String.valueOf(event.getOrDefault("type", "event")));
            insert.setObject(2, number(event.get("messageId")));
            insert.setObject(3, number(event.get("customerId")));
            insert.setString(4, actor);
            insert.setString(5, payload);
            return insert;
        }, key);
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("eventId", key.getKey().longValue());
        stored.putAll(event);
        return stored;
    }

    private static Long number(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }
}
