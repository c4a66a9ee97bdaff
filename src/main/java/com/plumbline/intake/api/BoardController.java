package com.plumbline.intake.api;

import com.plumbline.intake.dashboard.DashboardEvents;
import com.plumbline.intake.dashboard.BoardSessions;
import com.plumbline.intake.dashboard.BoardQueries;
import java.net.URI;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.plumbline.intake.notify.InvalidInputException;
import com.plumbline.intake.notify.Notification;
import com.plumbline.intake.notify.NotificationStatus;
import com.plumbline.intake.notify.Notifications;
import com.plumbline.intake.notify.NotFoundException;
import com.plumbline.intake.security.LoggedIn;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dispatch board's API (the page at {@code /}): the live feed with filters, one customer's
 * history, the events a reconnecting page missed, today's figures, and Acknowledge. Errors are
 * {@code {"error","message"}} like the rest of the API (ApiErrors); 401 without a valid token
 * (SecurityConfiguration). A technician sees only the messages routed to them, and their customers.
 */
@RestController
public class BoardController {

    private static final Set<String> STATUSES = Set.of("OPEN", "OVERDUE", "ACKED");
    private static final Set<String> CHANNELS = Set.of("SMS", "VOICE", "VOICEMAIL");
    private static final int MAX_LIMIT = 500;

    private final BoardQueries queries;
    private final DashboardEvents events;
    private final BoardSessions sessions;
    private final Notifications notifications;
    private final Clock clock;
    private final String socketUrl;
    private final int socketPort;

    public BoardController(BoardQueries queries, DashboardEvents events, BoardSessions sessions,
                           Notifications notifications, Clock clock,
                           @Value("${intake.dashboard.socket-url:}") String socketUrl,
                           @Value("${intake.ws.port}") int socketPort) {
        this.socketUrl = socketUrl;
        this.socketPort = socketPort;
        this.queries = queries;
        this.events = events;
        this.sessions = sessions;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Who the token belongs to, and where the board's WebSocket is. */
    @GetMapping("/api/dashboard/me")
    public Map<String, Object> me(@AuthenticationPrincipal LoggedIn who) {
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("username", who.username());
        me.put("staffId", who.staffMemberId());
        me.put("name", sessions.nameOf(who));
        me.put("roles", who.roles());
        me.put("seesOnlyOwn", who.seesOnlyOwn());
        me.put("lastEventId", events.lastId());
        // behind a reverse proxy on one origin: intake.dashboard.socket-url (e.g. wss://board.example/ws/dashboard);
        // otherwise the page connects to this host on the WebSocket port
        me.put("socketUrl", socketUrl.isBlank() ? null : socketUrl);
        me.put("socketPort", socketPort);
        return me;
    }

    /** Incoming messages, calls and voicemails, newest first. */
    @GetMapping("/api/dashboard/feed")
    public List<Map<String, Object>> feed(@AuthenticationPrincipal LoggedIn who,
                                          @RequestParam(required = false) String priority,
                                          @RequestParam(required = false) String status,
                                          @RequestParam(required = false) String channel,
                                          @RequestParam(required = false) Long customerId,
                                          @RequestParam(defaultValue = "100") int limit) {
        return queries.feed(oneOf("priority", priority, Set.copyOf(BoardQueries.PRIORITIES)),
                oneOf("status", status, STATUSES), oneOf("channel", channel, CHANNELS), customerId, limit(limit),
                onlyFor(who));
    }

    /** Stored board events after {@code after}, oldest first: what a page missed while offline. */
    @GetMapping("/api/dashboard/events")
    public Map<String, Object> events(@AuthenticationPrincipal LoggedIn who,
                                      @RequestParam long after, @RequestParam(defaultValue = "500") int limit) {
        if (after < 0) {
            throw new InvalidInputException("after must be 0 or more");
        }
        int max = limit(limit);
        List<Map<String, Object>> list = events.since(after, max, onlyFor(who));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("events", list);
        answer.put("more", list.size() == max);
        return answer;
    }

    @GetMapping("/api/dashboard/customers/{id}")
    public Map<String, Object> customer(@AuthenticationPrincipal LoggedIn who,
                                        @PathVariable long id) {
        if (!queries.customerExists(id, onlyFor(who))) {
            throw new NotFoundException("no customer " + id);
        }
        return queries.customer(id);
    }

    /** Today (midnight in {@code zone}) at a glance: messages by priority per hour, first response vs SLA. */
    @GetMapping("/api/dashboard/stats")
    public Map<String, Object> stats(@AuthenticationPrincipal LoggedIn who,
                                     @RequestParam(defaultValue = "UTC") String zone) {
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidInputException("zone: '" + zone + "' is not a time zone");
        }
        Map<String, Object> stats = queries.today(zoneId, clock.instant());
        stats.put("boardConnections", sessions.connections());
        return stats;
    }

    /**
     * Acknowledge a message: every notice about it is ACKED, its escalation stops, and every board
     * is told who acknowledged.
     */
    @PostMapping("/api/dashboard/messages/{id}/ack")
    public Map<String, Object> ack(@AuthenticationPrincipal LoggedIn who,
                                   @PathVariable long id) throws JsonProcessingException {
        Long customerId = queries.customerOfMessage(id, onlyFor(who));
        if (customerId == null) {
            throw new NotFoundException("no message " + id);
        }
        String name = sessions.nameOf(who);
        int acked = 0;
        for (Notification notification : notifications.search(null, id)) {
            if (notification.getStatus() != NotificationStatus.ACKED
                    && notification.getStatus() != NotificationStatus.SKIPPED) {
                notifications.ack(notification.getId(), name);
                acked++;
            }
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "ack");
        event.put("messageId", id);
        event.put("customerId", customerId);
        Map<String, Object> by = new LinkedHashMap<>();
        by.put("staffId", who.staffMemberId());
        by.put("name", name);
        event.put("by", by);
        event.put("at", clock.instant());
        event.put("notificationsAcked", acked);
        return events.publish(event, name);
    }

    /** The links in staff emails and SMS ({@code /dashboard/customers/{id}}) open the board on that customer. */
    @GetMapping("/dashboard/customers/{id}")
    public ResponseEntity<Void> customerLink(@PathVariable long id) {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("/#/customers/" + id)).build();
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missing(MissingServletRequestParameterException e) {
        return ApiError.of(HttpStatus.BAD_REQUEST, "bad_request", e.getParameterName() + " is required");
    }

    /** A technician's staff id (they see only what was routed to them; -1 without one), or null for all. */
    private static Long onlyFor(LoggedIn who) {
        if (!who.seesOnlyOwn()) {
            return null;
        }
        return who.staffMemberId() == null ? -1L : who.staffMemberId();
    }

    private static String oneOf(String name, String value, Set<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String upper = value.trim().toUpperCase();
        if (!allowed.contains(upper)) {
            throw new InvalidInputException(name + ": '" + value + "' is not one of " + allowed);
        }
        return upper;
    }

    private static int limit(int limit) {
        return Math.max(1, Math.min(limit, MAX_LIMIT));
    }
}
