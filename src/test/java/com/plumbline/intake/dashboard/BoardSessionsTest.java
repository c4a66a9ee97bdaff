package com.plumbline.intake.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.plumbline.intake.security.AccessTokens;
import com.plumbline.intake.security.LoggedIn;
import com.plumbline.intake.security.SecurityProperties;
import com.plumbline.intake.support.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.http.ServerWebSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** The board's connections without the service: tokens, expiry, idle pages (a clock the test moves). */
class BoardSessionsTest {

    private static final String EVENT = "{\"type\":\"alert\",\"messageId\":7,\"body\":\"flooding\"}";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final AccessTokens tokens = new AccessTokens(new SecurityProperties(
            "unit-test-jwt-secret-of-at-least-32-bytes", "plumbline-intake", Duration.ofMinutes(15),
            Duration.ofHours(12), "admin", "", 5, Duration.ofMinutes(15), ""), clock);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final BoardSessions sessions = new BoardSessions(tokens, null, null, new ObjectMapper().findAndRegisterModules(),
            clock, registry, Duration.ofSeconds(90), Duration.ofSeconds(10), Duration.ofMillis(500));

    @AfterEach
    void stop() {
        sessions.stop();
    }

    @Test
    void aConnectionGetsNothingUntilItsTokenIsAccepted() {
        ServerWebSocket page = open("a");
        assertThat(sessions.deliver(EVENT)).isZero();
        verify(page, never()).writeTextMessage(anyString());

        auth("a", token("dana", "DISPATCHER"));
        verify(page).writeTextMessage(contains("\"welcome\""));
        assertThat(sessions.deliver(EVENT)).isEqualTo(1);
        verify(page).writeTextMessage(EVENT);
        // each event's fan-out is timed, the one before any board could receive it too
        assertThat(registry.get("intake.board.broadcast").timer().count()).isEqualTo(2);
    }

    @Test
    void anAuthMessageHandledBeforeItsConnectionsOpenEventIsNotLost() {
        // the page sends auth as soon as the socket opens; the server may handle it before OPEN
        auth("early", token("dana", "DISPATCHER"));
        ServerWebSocket page = open("early");
        verify(page).writeTextMessage(contains("\"welcome\""));
        assertThat(sessions.deliver(EVENT)).isEqualTo(1);
    }

    @Test
    void aForgedTokenIsRefusedAndTheConnectionClosed() {
        ServerWebSocket page = open("a");
        auth("a", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.c2lnbmF0dXJl");
        verify(page).writeTextMessage(contains("\"ok\":false"));
        verify(page).close(BoardSessions.TOKEN_REFUSED, "token not accepted");
        assertThat(sessions.connections()).isZero();
    }

    @Test
    void anExpiredTokenClosesTheConnectionUnlessThePageSentANewOne() {
        ServerWebSocket stale = open("stale");
        ServerWebSocket renewed = open("renewed");
        auth("stale", token("dana", "DISPATCHER"));
        auth("renewed", token("morgan", "MANAGER"));
        clock.advance(Duration.ofMinutes(14));
        auth("renewed", token("morgan", "MANAGER"));   // the page's refresh, a minute before expiry

        clock.advance(Duration.ofMinutes(1));
        sessions.closeExpiredAndIdle();
        verify(stale).close(BoardSessions.TOKEN_REFUSED, "token expired");
        verify(renewed, never()).close(BoardSessions.TOKEN_REFUSED, "token expired");
        assertThat(sessions.connections()).isEqualTo(1);
    }

    @Test
    void idlePagesAndPagesThatNeverAuthenticateAreClosed() {
        ServerWebSocket pinging = open("pinging");
        ServerWebSocket silent = open("silent");
        ServerWebSocket anonymous = open("anonymous");
        auth("pinging", token("dana", "DISPATCHER"));
        auth("silent", token("sam", "ON_CALL"));

        clock.advance(Duration.ofSeconds(11));
        sessions.closeExpiredAndIdle();
        verify(anonymous).close(BoardSessions.TOKEN_REFUSED, "no token");

        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofSeconds(30));
            sessions.onEvent("MESSAGE", "pinging", "{\"type\":\"ping\"}");
            sessions.closeExpiredAndIdle();
        }
        verify(silent).close(BoardSessions.IDLE, "idle");
        verify(pinging, never()).close(org.mockito.ArgumentMatchers.anyShort(), anyString());
        assertThat(sessions.connections()).isEqualTo(1);
    }

    @Test
    void aPageThatCannotKeepUpIsClosedAndTheOthersStillGetTheEvent() {
        ServerWebSocket reading = open("reading");
        ServerWebSocket stalled = open("stalled");
        auth("reading", token("dana", "DISPATCHER"));
        auth("stalled", token("morgan", "MANAGER"));
        org.mockito.Mockito.when(stalled.writeQueueFull()).thenReturn(true);

        assertThat(sessions.deliver(EVENT)).isEqualTo(1);
        verify(reading).writeTextMessage(EVENT);
        verify(stalled, never()).writeTextMessage(EVENT);
        verify(stalled).close(BoardSessions.TOO_SLOW, "cannot keep up");
        assertThat(sessions.connections()).isEqualTo(1);
    }

    @Test
    void manyPagesArrivingMakeOnePresenceBroadcastNotOneEach() {
        java.util.List<ServerWebSocket> pages = new java.util.ArrayList<>();
        String token = token("dana", "DISPATCHER");
        long started = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            pages.add(open("page" + i));
            auth("page" + i, token);
        }
        long arrivingMs = (System.nanoTime() - started) / 1_000_000;
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> pages.stream().allMatch(page -> !presence(page).isEmpty()));
        // one broadcast per connection would be 50 + 49 + ... + 1 = 1,275 frames; one per 500 ms
        // interval while they arrived (and one after) is at most 50 frames per interval
        long intervals = arrivingMs / 500 + 2;
        assertThat(pages.stream().mapToInt(page -> presence(page).size()).sum())
                .as("presence frames, pages arrived in %d ms", arrivingMs).isLessThanOrEqualTo((int) (50 * intervals))
                .isLessThan(1275);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(pages)
                .allSatisfy(page -> assertThat(presence(page).get(presence(page).size() - 1)).contains("\"connections\":50")));
    }

    /** The presence frames written to a page, oldest first. */
    private static java.util.List<String> presence(ServerWebSocket page) {
        return org.mockito.Mockito.mockingDetails(page).getInvocations().stream()
                .filter(call -> call.getMethod().getName().equals("writeTextMessage"))
                .map(call -> String.valueOf(call.getArguments()[0]))
                .filter(text -> text.contains("\"type\":\"presence\""))
                .toList();
    }

    private ServerWebSocket open(String key) {
        ServerWebSocket socket = mock(ServerWebSocket.class);
        sessions.onEvent("OPEN", key, socket);
        return socket;
    }

    private void auth(String key, String token) {
        sessions.onEvent("MESSAGE", key, "{\"type\":\"auth\",\"token\":\"" + token + "\"}");
    }

    private String token(String username, String role) {
        return tokens.issue(new LoggedIn(username, null, Set.of(role)));
    }
}
