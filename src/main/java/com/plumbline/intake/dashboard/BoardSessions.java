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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.plumbline.intake.staff.StaffDirectory;
import com.plumbline.intake.security.AccessTokens;
import com.plumbline.intake.security.LoggedIn;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.impl.WebSocketImplBase;
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
 * Gauges {@code intake.board.connections} and {@code intake.board.rooms}, timer {@code intake.board.broadcast}.
 * <p>
 * Thousands of pages: a broadcast is one task per Vert.x event loop, which writes the one JSON text
 * to the sockets it owns (a socket written from another thread costs a task and a copy per write);
 * a page whose socket buffer is full cannot keep up and is closed (1013), it reconnects and catches
 * up from {@code /api/dashboard/events}. Presence is coalesced: at most one broadcast per
 * {@code intake.dashboard.presence-interval}, however many pages come and go meanwhile (one per
 * connection made opening N pages cost N broadcasts of N frames each).
 */
@Component("boardSessions")
public class BoardSessions {

    private static final Logger LOG = LoggerFactory.getLogger(BoardSessions.class);
    static final short TOKEN_REFUSED = 4401;
    static final short IDLE = 4408;
    /** RFC 6455 "try again later": the page did not read what it was sent; it reconnects and catches up. */
    static final short TOO_SLOW = 1013;

    /** One connection: its socket and event loop, who it is once authenticated, until when, and its room. */
    private static final class Session {
        final String key;
        final ServerWebSocket socket;
        final Executor loop;
        final Instant openedAt;
        volatile Instant lastSeen;
        volatile LoggedIn who;
        volatile String name;
        volatile Instant expiresAt;
        volatile String room;
        /** Taken off the board (guarded by the session): a late auth must not count it again. */
        boolean gone;

        Session(String key, ServerWebSocket socket, Instant now) {
            this.key = key;
            this.socket = socket;
            this.loop = eventLoopOf(socket);
            this.openedAt = now;
            this.lastSeen = now;
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    /**
     * Messages that arrived before their connection's OPEN event was handled (the two can be
     * processed on different threads; a page sends its auth message as soon as the socket opens).
     */
    private final Map<String, List<String>> early = new ConcurrentHashMap<>();
    private static final int MAX_EARLY_MESSAGES = 4;
    /** This instance, on the events it relays to the others' boards (and ignores when they come back). */
    private final String origin = UUID.randomUUID().toString();
    /** The same sessions by the event loop that owns their socket: a broadcast is one task per loop. */
    private final Map<Executor, Set<Session>> byLoop = new ConcurrentHashMap<>();
    /** Authenticated technicians online: without any, an event needs no look-up of whom it was routed to. */
    private final AtomicInteger technicians = new AtomicInteger();
    private final AtomicBoolean presenceDue = new AtomicBoolean();
    private final AccessTokens tokens;
    private final StaffDirectory staff;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration authTimeout;
    private final Duration presenceInterval;
    /** From an event's hand-over to the last board's socket written: the fan-out, the server's part. */
    private final Timer broadcasts;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "board-sessions-sweeper");
        thread.setDaemon(true);
        return thread;
    });

    public BoardSessions(AccessTokens tokens, StaffDirectory staff, JdbcTemplate jdbc, ObjectMapper json, Clock clock,
                         MeterRegistry registry,
                         @Value("${intake.dashboard.idle-timeout:90s}") Duration idleTimeout,
                         @Value("${intake.dashboard.auth-timeout:10s}") Duration authTimeout,
                         @Value("${intake.dashboard.presence-interval:500ms}") Duration presenceInterval) {
        this.tokens = tokens;
        this.staff = staff;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.authTimeout = authTimeout;
        this.presenceInterval = presenceInterval;
        Gauge.builder("intake.board.connections", sessions, Map::size)
                .description("WebSocket connections open on the dispatch board").register(registry);
        Gauge.builder("intake.board.rooms", this, BoardSessions::roomCount)
                .description("Customer rooms with at least one board in them").register(registry);
        this.broadcasts = Timer.builder("intake.board.broadcast")
                .description("Time to write one dashboard event to every board allowed to see it").register(registry);
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
                    Session session = new Session(key, socket, clock.instant());
                    List<String> before;
                    synchronized (early) {
                        sessions.put(key, session);
                        before = early.remove(key);
                    }
                    byLoop.computeIfAbsent(session.loop, loop -> ConcurrentHashMap.newKeySet()).add(session);
                    if (before != null) {
                        before.forEach(text -> message(key, session, text));
                    }
                }
            }
            case "CLOSE", "ERROR" -> {
                early.remove(key);
                forget(key);
            }
            default -> {
                if (body == null) {
                    return;
                }
                Session session;
                synchronized (early) {
                    session = sessions.get(key);
                    if (session == null) {
                        List<String> waiting = early.computeIfAbsent(key, k -> new ArrayList<>());
                        if (waiting.size() < MAX_EARLY_MESSAGES) {
                            waiting.add(body.toString());
                        }
                        return;
                    }
                }
                session.lastSeen = clock.instant();
                message(key, session, body.toString());
            }
        }
    }

    /** Sends a stored event to every board whose role may see it; answers how many boards it went to. */
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

    /** Route step (board-relay): who relays, so that an instance does not deliver its own event twice. */
    public String origin() {
        return origin;
    }

    /**
     * Route step (board-relayed): an event another instance stored and delivered to its own boards,
     * now to this instance's boards; answers how many. Its own events come back too and are skipped.
     */
    public int deliverRelayed(@Body String event, @Header("boardOrigin") String from) {
        return origin.equals(from) ? 0 : deliver(event);
    }

    /** The same for an event already written, about this message (null: about none). */
    public int deliverAbout(String event, Long messageId) {
        AtomicInteger written = new AtomicInteger();
        Timer.Sample started = Timer.start();
        try {
            send(event, mayReceive(messageId), written).get(10, TimeUnit.SECONDS);
            started.stop(broadcasts);
        } catch (java.util.concurrent.TimeoutException e) {
            LOG.warn("Dashboard event still being written after 10 s; {} boards had it", written.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("dashboard event not delivered", e.getCause());
        }
        return written.get();
    }

    /** How many logged-in boards of this instance may see an event about this message now. */
    public int reachable(Long messageId) {
        Predicate<LoggedIn> allowed = mayReceive(messageId);
        return (int) sessions.values().stream().filter(s -> s.who != null && allowed.test(s.who)).count();
    }

    /** Who may receive an event about this message: everyone who sees all, technicians it was routed to. */
    Predicate<LoggedIn> mayReceive(Long messageId) {
        Set<Long> routedTo = messageId == null || technicians.get() == 0 ? Set.of() : Set.copyOf(jdbc.queryForList(
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
                presenceChanged();
            }
            case "leave" -> {
                session.room = null;
                presenceChanged();
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
        if (verified.isEmpty()) {
            LOG.info("Dashboard connection {} sent a token that was not accepted; closing it", key);
            session.socket.writeTextMessage(write(Map.of("type", "welcome", "ok", false)));
            close(key, TOKEN_REFUSED, "token not accepted");
            return;
        }
        LoggedIn who = verified.get().who();
        session.name = nameOf(who);
        session.expiresAt = verified.get().expiresAt();
        Map<String, Object> welcome = new LinkedHashMap<>();
        welcome.put("type", "welcome");
        welcome.put("ok", true);
        welcome.put("expiresAt", session.expiresAt);
        // the welcome is queued before the session takes events, so it is the page's first frame; an
        // event sent in between reaches the page through the catch-up it starts on the welcome
        session.socket.writeTextMessage(write(welcome));
        LoggedIn before;
        synchronized (session) {
            before = session.who;
            session.who = who;
            if (!session.gone) {
                countTechnician(before, -1);
                countTechnician(who, +1);
            }
        }
        if (before == null) {
            presenceChanged();
        }
    }

    private void countTechnician(LoggedIn who, int change) {
        if (who != null && who.seesOnlyOwn()) {
            technicians.addAndGet(change);
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

    /**
     * Presence changed (a page authenticated, joined, left or went): one broadcast within
     * presence-interval for all the changes meanwhile.
     */
    private void presenceChanged() {
        if (presenceDue.compareAndSet(false, true)) {
            try {
                sweeper.schedule(this::sendPresence, presenceInterval.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                presenceDue.set(false);
            }
        }
    }

    /** Every authenticated staff member online, with the rooms their pages are in, to every board. */
    void sendPresence() {
        presenceDue.set(false);   // a change from now on schedules the next broadcast
        try {
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
            send(write(Map.of("type", "presence", "online", list)), who -> true, new AtomicInteger());
        } catch (RuntimeException e) {
            LOG.warn("Dashboard presence not sent: {}", e.toString());
        }
    }

    /**
     * Sends a text to every authenticated connection whose person passes, each event loop writing to
     * its own sockets, counting them in {@code sent}; completes when every loop has written.
     */
    CompletableFuture<Void> send(String text, Predicate<LoggedIn> allowed, AtomicInteger sent) {
        List<CompletableFuture<Void>> loops = new ArrayList<>(byLoop.size());
        byLoop.forEach((loop, group) -> loops.add(CompletableFuture.runAsync(() -> {
            for (Session session : group) {
                LoggedIn who = session.who;
                if (who == null || !allowed.test(who)) {
                    continue;
                }
                if (session.socket.writeQueueFull()) {
                    // it has not read what it was sent: it reconnects and catches up from the stored events
                    LOG.info("Dashboard connection {} cannot keep up; closing it", session.key);
                    close(session.key, TOO_SLOW, "cannot keep up");
                    continue;
                }
                session.socket.writeTextMessage(text);
                sent.incrementAndGet();
            }
        }, inLoop(loop))));
        return CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new));
    }

    /** Runs on the loop, or at once when already on it (a broadcast from an event-loop thread). */
    private static Executor inLoop(Executor loop) {
        return loop instanceof EventExecutor executor ? task -> {
            if (executor.inEventLoop()) {
                task.run();
            } else {
                executor.execute(task);
            }
        } : loop;
    }

    /** The Netty event loop that owns this socket; a socket that is not Vert.x's own (a test's) is written at once. */
    private static Executor eventLoopOf(ServerWebSocket socket) {
        if (socket instanceof WebSocketImplBase<?> vertx && vertx.channelHandlerContext() != null) {
            return vertx.channelHandlerContext().executor();
        }
        return Runnable::run;
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
        Session session = forget(key);
        if (session != null) {
            session.socket.close(code, reason);
        }
    }

    /** Takes a connection off the board (closed, or being closed); presence follows. */
    private Session forget(String key) {
        Session session = sessions.remove(key);
        if (session == null) {
            return null;
        }
        Set<Session> group = byLoop.get(session.loop);
        if (group != null) {
            group.remove(session);
        }
        LoggedIn was;
        synchronized (session) {
            was = session.who;
            session.gone = true;
            countTechnician(was, -1);
        }
        if (was != null) {
            presenceChanged();
        }
        return session;
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
