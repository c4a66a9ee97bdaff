package com.plumbline.intake.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.plumbline.intake.dashboard.DevLogin.Identity;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who is on the dispatch board: one entry per WebSocket connection (route dashboard-socket).
 * A page sends {@code {"type":"auth","token":...}} first, then {@code {"type":"join","room":"customer:12"}}
 * when it shows a customer and {@code {"type":"typing","room":...,"typing":true}} while a reply
 * is being written. Presence (who is online and in which room) goes to every board; typing only
 * to the other pages in that room; {@code welcome} (token accepted or not) only to the page itself.
 * Gauges {@code intake.board.connections} and {@code intake.board.rooms}.
 */
@Component("boardSessions")
public class BoardSessions {

    private static final Logger LOG = LoggerFactory.getLogger(BoardSessions.class);

    /** One connection: its staff member once authenticated, and the room its page is in. */
    static final class Session {
        volatile Identity who;
        volatile String room;
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final DevLogin login;
    private final DashboardEvents events;
    private final ObjectMapper json;

    public BoardSessions(DevLogin login, DashboardEvents events, ObjectMapper json, MeterRegistry registry) {
        this.login = login;
        this.events = events;
        this.json = json;
        Gauge.builder("intake.board.connections", sessions, Map::size)
                .description("WebSocket connections open on the dispatch board").register(registry);
        Gauge.builder("intake.board.rooms", this, BoardSessions::roomCount)
                .description("Customer rooms with at least one board in them").register(registry);
    }

    /**
     * One WebSocket event (OPEN, MESSAGE, CLOSE, ERROR) of one connection; answers the JSON to
     * broadcast to every board, or null for nothing.
     */
    public String onEvent(@Header("CamelVertxWebsocket.event") Object event,
                          @Header("CamelVertxWebsocket.connectionKey") String key, @Body String body) {
        String kind = event == null ? "MESSAGE" : event.toString();
        switch (kind) {
            case "OPEN" -> {
                sessions.put(key, new Session());
                return null;
            }
            case "CLOSE", "ERROR" -> {
                Session gone = sessions.remove(key);
                return gone != null && gone.who != null ? presence() : null;
            }
            default -> {
                return message(key, body);
            }
        }
    }

    private String message(String key, String body) {
        JsonNode message;
        try {
            message = json.readTree(body == null ? "" : body);
        } catch (Exception e) {
            return null;
        }
        if (message == null || !message.isObject()) {
            return null;
        }
        Session session = sessions.computeIfAbsent(key, k -> new Session());
        String type = message.path("type").asText("");
        if ("auth".equals(type)) {
            session.who = login.identify(message.path("token").asText(null)).orElse(null);
            if (session.who == null) {
                LOG.info("Dashboard connection {} sent an invalid token", key);
            }
            // to this page only: whether its token was accepted (a page with a stale token logs in again)
            events.sendTo(key, write(Map.of("type", "welcome", "ok", session.who != null)));
            return presence();
        }
        if (session.who == null) {
            return null;   // nothing counts before a valid auth message
        }
        return switch (type) {
            case "join" -> {
                String room = message.path("room").asText("");
                session.room = room.isBlank() ? null : room;
                yield presence();
            }
            case "leave" -> {
                session.room = null;
                yield presence();
            }
            case "typing" -> {
                // to the other pages in the same room only
                String room = message.path("room").asText("");
                events.sendTo(inRoom(room, key), write(Map.of("type", "typing", "room", room,
                        "staffId", session.who.staffId(), "name", session.who.name(),
                        "typing", message.path("typing").asBoolean(false))));
                yield null;
            }
            default -> null;
        };
    }

    /** Every authenticated staff member online, with the rooms their pages are in. */
    public String presence() {
        Map<Long, Map<String, Object>> online = new TreeMap<>();
        for (Session session : sessions.values()) {
            Identity who = session.who;
            if (who == null) {
                continue;
            }
            Map<String, Object> entry = online.computeIfAbsent(who.staffId(), id -> {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("staffId", who.staffId());
                e.put("name", who.name());
                e.put("role", who.role());
                e.put("rooms", new ArrayList<String>());
                e.put("connections", 0);
                return e;
            });
            entry.put("connections", (Integer) entry.get("connections") + 1);
            @SuppressWarnings("unchecked")
            List<String> rooms = (List<String>) entry.get("rooms");
            if (session.room != null && !rooms.contains(session.room)) {
                rooms.add(session.room);
            }
        }
        List<Map<String, Object>> list = new ArrayList<>(online.values());
        list.sort(Comparator.comparing(e -> String.valueOf(e.get("name"))));
        return write(Map.of("type", "presence", "online", list));
    }

    /** The authenticated connections in a room, but one, comma-separated. */
    String inRoom(String room, String except) {
        return String.join(",", sessions.entrySet().stream()
                .filter(e -> !e.getKey().equals(except) && e.getValue().who != null && room.equals(e.getValue().room))
                .map(Map.Entry::getKey).toList());
    }

    public int connections() {
        return sessions.size();
    }

    int roomCount() {
        return (int) sessions.values().stream().filter(s -> s.who != null && s.room != null)
                .map(s -> s.room).distinct().count();
    }

    private String write(Map<String, Object> event) {
        try {
            return json.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
