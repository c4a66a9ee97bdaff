package com.plumbline.intake.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.plumbline.intake.staff.StaffDirectory;
import com.plumbline.intake.security.AccessTokens;
import com.plumbline.intake.security.LoggedIn;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.ServerWebSocket;
import jakarta.annotation.PreDestroy;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dispatch boards connected to {@code /ws/dashboard} (route dashboard-socket), and the one way
 * events reach them. A page sends {@code {"type":"auth","token":...}} first, with an access token
 * from {@code POST /api/auth/login} (in a message, not the URL, where proxies log it); until its
 * token is accepted a connection receives nothing. Then {@code join}/{@code leave} a customer room,
 * {@code typing}, and {@code ping} every 30 s. A connection is closed when its token expires
 * without a new auth message (4401), when it is idle (4408) or unauthenticated for too long.
 * <p>
 * Each connection gets only what its role may see: a technician only events about messages that
 * were routed to them. Presence goes to every board, typing to the others in that room.
 * Gauges {@code intake.board.connections} and {@code intake.board.rooms}.
 */
@Component("boardSessions")
public class BoardSessions {

    private static final Logger LOG = LoggerFactory.getLogger(BoardSessions.class);
    static final short TOKEN_REFUSED = 4401;
    static final short IDLE = 4408;

    /** One connection: its socket, who it is once authenticated, until when, and its room. */
    private static final class Session {
        final ServerWebSocket socket;
        final Instant openedAt;
        volatile Instant lastSeen;
        volatile LoggedIn who;
        volatile String name;
        volatile Instant expiresAt;
        volatile String room;

        Session(ServerWebSocket socket, Instant now) {
            this.socket = socket;
            this.openedAt = now;
            this.lastSeen = now;
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final AccessTokens tokens;
    private final StaffDirectory staff;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration authTimeout;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "board-sessions-sweeper");
        thread.setDaemon(true);
        return thread;
    });

    public BoardSessions(AccessTokens tokens, StaffDirectory staff, JdbcTemplate jdbc, ObjectMapper json, Clock clock,
                         MeterRegistry registry,
                         @Value("${intake.dashboard.idle-timeout:90s}") Duration idleTimeout,
                         @Value("${intake.dashboard.auth-timeout:10s}") Duration authTimeout) {
        this.tokens = tokens;
        this.staff = staff;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.authTimeout = authTimeout;
        Gauge.builder("intake.board.connections", sessions, Map::size)
                .description("WebSocket connections open on the dispatch board").register(registry);
        Gauge.builder("intake.board.rooms", this, BoardSessions::roomCount)
                .description("Customer rooms with at least one board in them").register(registry);
        long every = Math.max(200, Math.min(idleTimeout.toMillis(), authTimeout.toMillis()) / 4);
        sweeper.scheduleWithFixedDelay(this::closeExpiredAndIdle, every, every, TimeUnit.MILLISECONDS);
    }

    /** One WebSocket event (OPEN, MESSAGE, CLOSE, ERROR) of one connection. */
    public void onEvent(@Header("CamelVertxWebsocket.event") Object event,
                        @Header("CamelVertxWebsocket.connectionKey") String key, @Body Object body) {
        String kind = event == null ? "MESSAGE" : event.toString();
        switch (kind) {
            case "OPEN" -> {
                if (body instanceof ServerWebSocket socket) {
                    sessions.put(key, new Session(socket, clock.instant()));
                }
            }
            case "CLOSE", "ERROR" -> {
                Session gone = sessions.remove(key);
                if (gone != null && gone.who != null) {
                    sendPresence();
                }
            }
            default -> {
                Session session = sessions.get(key);
                if (session != null && body != null) {
                    session.lastSeen = clock.instant();
                    message(key, session, body.toString());
                }
            }
        }
    }

    /**
     * Route step (notify-dashboard): sends a stored event to every board whose role may see it;
     * answers how many boards it went to.
     */
    public int deliver(@Body String event) {
        Long messageId;
        try {
            JsonNode id = json.readTree(event).path("messageId");
            messageId = id.canConvertToLong() ? id.asLong() : null;
        } catch (Exception e) {
            LOG.warn("Unreadable dashboard event not delivered: {}", e.getClass().getSimpleName());
            return 0;
        }
        return deliverAbout(event, messageId);
    }

    /** The same for an event already written, about this message (null: about none). */
    public int deliverAbout(String event, Long messageId) {
        return send(event, mayReceive(messageId));
    }

    /** Who may receive an event about this message: everyone who sees all, technicians it was routed to. */
    Predicate<LoggedIn> mayReceive(Long messageId) {
        Set<Long> routedTo = messageId == null || sessions.values().stream().noneMatch(s -> s.who != null
                && s.who.seesOnlyOwn()) ? Set.of() : Set.copyOf(jdbc.queryForList(
                "select distinct staff_member_id from notification where message_id = ? and staff_member_id is not null",
                Long.class, messageId));
        return who -> !who.seesOnlyOwn() || (who.staffMemberId() != null && routedTo.contains(who.staffMemberId()));
    }

    private void message(String key, Session session, String body) {
        JsonNode message;
        try {
            message = json.readTree(body);
        } catch (Exception e) {
            return;
        }
        if (message == null || !message.isObject()) {
            return;
        }
        String type = message.path("type").asText("");
        if ("auth".equals(type)) {
            authenticate(key, session, message.path("token").asText(""));
            return;
        }
        LoggedIn who = session.who;
        if (who == null) {
            return;   // nothing counts before a valid auth message
        }
        switch (type) {
            case "join" -> {
                String room = message.path("room").asText("");
                session.room = room.isBlank() ? null : room;
                sendPresence();
            }
            case "leave" -> {
                session.room = null;
                sendPresence();
            }
            case "typing" -> {
                String room = message.path("room").asText("");
                Map<String, Object> typing = new LinkedHashMap<>();
                typing.put("type", "typing");
                typing.put("room", room);
                typing.put("username", who.username());
                typing.put("staffId", who.staffMemberId());
                typing.put("name", session.name);
                typing.put("typing", message.path("typing").asBoolean(false));
                String text = write(typing);
                sessions.forEach((other, s) -> {
                    if (!other.equals(key) && s.who != null && room.equals(s.room)) {
                        s.socket.writeTextMessage(text);
                    }
                });
            }
            default -> {
                // ping, or something this server does not know: it only keeps the connection alive
            }
        }
    }

    private void authenticate(String key, Session session, String token) {
        var verified = token.isBlank() ? java.util.Optional.<AccessTokens.Verified>empty() : tokens.verify(token);
        boolean wasIn = session.who != null;
        if (verified.isEmpty()) {
            LOG.info("Dashboard connection {} sent a token that was not accepted; closing it", key);
            session.socket.writeTextMessage(write(Map.of("type", "welcome", "ok", false)));
            close(key, TOKEN_REFUSED, "token not accepted");
            return;
        }
        LoggedIn who = verified.get().who();
        session.name = nameOf(who);
        session.expiresAt = verified.get().expiresAt();
        session.who = who;
        Map<String, Object> welcome = new LinkedHashMap<>();
        welcome.put("type", "welcome");
        welcome.put("ok", true);
        welcome.put("expiresAt", session.expiresAt);
        session.socket.writeTextMessage(write(welcome));
        if (!wasIn) {
            sendPresence();
        }
    }

    /** The staff member's name, or the login name of an account without one. */
    public String nameOf(LoggedIn who) {
        if (who.staffMemberId() != null) {
            try {
                return staff.get(who.staffMemberId()).getName();
            } catch (RuntimeException e) {
                // a staff member removed since the token was issued: their login name will do
            }
        }
        return who.username();
    }

    /** Every authenticated staff member online, with the rooms their pages are in, to every board. */
    void sendPresence() {
        Map<String, Map<String, Object>> online = new TreeMap<>();
        for (Session session : sessions.values()) {
            LoggedIn who = session.who;
            if (who == null) {
                continue;
            }
            Map<String, Object> entry = online.computeIfAbsent(who.username(), username -> {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("username", username);
                e.put("staffId", who.staffMemberId());
                e.put("name", session.name);
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
        send(write(Map.of("type", "presence", "online", list)), who -> true);
    }

    /** Sends a text to every authenticated connection whose person passes; answers how many. */
    int send(String text, Predicate<LoggedIn> allowed) {
        int sent = 0;
        for (Session session : sessions.values()) {
            LoggedIn who = session.who;
            if (who != null && allowed.test(who)) {
                session.socket.writeTextMessage(text);
                sent++;
            }
        }
        return sent;
    }

    /** Closes what must not stay open: expired tokens, idle pages, pages that never authenticated. */
    void closeExpiredAndIdle() {
        try {
            Instant now = clock.instant();
            sessions.forEach((key, session) -> {
                if (session.who != null && !now.isBefore(session.expiresAt)) {
                    close(key, TOKEN_REFUSED, "token expired");
                } else if (session.who == null && now.isAfter(session.openedAt.plus(authTimeout))) {
                    close(key, TOKEN_REFUSED, "no token");
                } else if (now.isAfter(session.lastSeen.plus(idleTimeout))) {
                    close(key, IDLE, "idle");
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Dashboard session sweep failed: {}", e.toString());
        }
    }

    private void close(String key, short code, String reason) {
        Session session = sessions.remove(key);
        if (session == null) {
            return;
        }
        session.socket.close(code, reason);
        if (session.who != null) {
            sendPresence();
        }
    }

    public int connections() {
        return sessions.size();
    }

    int roomCount() {
        return (int) sessions.values().stream().filter(s -> s.who != null && s.room != null)
                .map(s -> s.room).distinct().count();
    }

    @PreDestroy
    void stop() {
        sweeper.shutdownNow();
    }

    private String write(Map<String, Object> event) {
        try {
            return json.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
