package com.plumbline.intake.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Thousands of dispatch boards: logs in once (POST /api/auth/login), opens --connections
 * WebSocket connections to /ws/dashboard, each authenticating with the token as a page does, then
 * posts --count signed emergency webhooks --interval ms apart and measures, for every connection
 * and every emergency, the time from the post to that connection's {@code alert} frame. Prints
 * how many connections were accepted, how many alerts arrived within --timeout seconds, and
 * p50/p99/max over all of them (one that never arrives counts as the timeout). Every connection
 * pings every 30 s as the page does, so opening thousands of them takes as long as it must without
 * the first being closed as idle.
 */
final class BoardConnections {

    private static final String ALERT = "\"type\":\"alert\"";
    private static final String MARKER = "\"body\":\"E-";

    static void run(Bench.Options options) throws Exception {
        int connections = options.number("connections", 10_000);
        int count = options.number("count", 5);
        int interval = options.number("interval", 2000);
        long timeoutMs = options.number("timeout", 60) * 1000L;
        String series = options.get("series");
        TwilioRequests requests = new TwilioRequests(options.get("token"), options.get("public-url"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String accessToken = login(http, options.get("base"), options.get("user"), options.get("password"));

        // every accepted connection: when each emergency's alert reached it
        List<Map<String, Long>> arrivals = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger welcomed = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch answered = new CountDownLatch(connections);
        // a few clients (each has its own selector thread); a bounded number of handshakes at once
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            clients.add(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build());
        }
        Semaphore handshakes = new Semaphore(256);
        List<WebSocket> sockets = new ArrayList<>();
        java.util.concurrent.ScheduledExecutorService pinger = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "board-pings");
            thread.setDaemon(true);
            return thread;
        });
        // every connection pings every 30 s, each at its own moment as pages opened at different times
        // do: a thirtieth of them each second (all at once, the server got 10,000 pings in the same
        // instant every 30 s, and the alert that met them was the slowest of a run)
        AtomicInteger tick = new AtomicInteger();
        pinger.scheduleWithFixedDelay(() -> {
            int slot = tick.getAndIncrement() % 30;
            List<WebSocket> open;
            synchronized (sockets) {
                open = List.copyOf(sockets);
            }
            for (int i = slot; i < open.size(); i += 30) {
                try {
                    open.get(i).sendText("{\"type\":\"ping\"}", true);
                } catch (IllegalStateException busy) {
                    // a send still under way on it: it was heard from recently enough
                }
            }
        }, 1, 1, TimeUnit.SECONDS);
        long openStart = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            Map<String, Long> seen = new ConcurrentHashMap<>();
            handshakes.acquire();
            CompletableFuture<WebSocket> open = clients.get(i % clients.size()).newWebSocketBuilder()
                    .buildAsync(URI.create(options.get("ws")), new WebSocket.Listener() {
                        private final StringBuilder partial = new StringBuilder();
                        private boolean first = true;

                        @Override
                        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                            long at = System.currentTimeMillis();
                            if (!last) {
                                partial.append(data);
                            } else {
                                String frame = partial.isEmpty() ? data.toString() : partial.append(data).toString();
                                partial.setLength(0);
                                if (first && frame.contains("\"welcome\"")) {
                                    first = false;
                                    if (frame.contains("\"ok\":true")) {
                                        arrivals.add(seen);
                                        welcomed.incrementAndGet();
                                    } else {
                                        refused.incrementAndGet();
                                    }
                                    answered.countDown();
                                } else if (frame.contains(ALERT) && frame.contains(MARKER)) {
                                    seen.putIfAbsent(marker(frame), at);
                                }
                            }
                            socket.request(1);
                            return null;
                        }
                    });
            open.whenComplete((socket, error) -> {
                handshakes.release();
                if (error != null) {
                    refused.incrementAndGet();
                    answered.countDown();
                } else {
                    socket.sendText("{\"type\":\"auth\",\"token\":\"" + accessToken + "\"}", true);
                    synchronized (sockets) {
                        sockets.add(socket);
                    }
                }
            });
        }
        boolean all = answered.await(300, TimeUnit.SECONDS);
        System.out.printf("connections_accepted=%d%nconnections_refused=%d%nconnect_all_s=%.1f%n", welcomed.get(),
                refused.get() + (all ? 0 : connections - welcomed.get() - refused.get()),
                (System.nanoTime() - openStart) / 1e9);
        // a moment for the server to settle before the memory sample the script takes now
        Thread.sleep(3000);
        System.out.println("ready=1");
        System.out.flush();

        Map<String, Long> postedAt = Emergencies.post(http, URI.create(options.get("url")), requests, series, count,
                interval, 7000);
        List<String> markers = List.copyOf(postedAt.keySet());
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline
                && List.copyOf(arrivals).stream().mapToInt(Map::size).sum() < (long) arrivals.size() * count) {
            Thread.sleep(200);
        }
        long[] latencies = new long[arrivals.size() * count];
        int n = 0;
        long arrived = 0;
        for (Map<String, Long> seen : List.copyOf(arrivals)) {
            for (String marker : markers) {
                Long at = seen.get(marker);
                arrived += at == null ? 0 : 1;
                latencies[n++] = at == null ? timeoutMs : at - postedAt.get(marker);
            }
        }
        // per emergency: the first connection's latency is the pipeline (webhook to broadcast), the
        // spread to the last is the fan-out to every connection
        for (String marker : markers) {
            long[] each = List.copyOf(arrivals).stream().map(seen -> seen.get(marker)).filter(java.util.Objects::nonNull)
                    .mapToLong(at -> at - postedAt.get(marker)).sorted().toArray();
            if (each.length > 0) {
                System.out.printf("alert %s: first %d ms, last %d ms, fan-out %d ms (%d connections)%n", marker, each[0],
                        each[each.length - 1], each[each.length - 1] - each[0], each.length);
            }
        }
        java.util.Arrays.sort(latencies);
        System.out.printf("alerts_arrived=%d/%d%nalert_p50_ms=%d%nalert_p99_ms=%d%nalert_max_ms=%d%n", arrived,
                latencies.length, Bench.quantile(latencies, 0.5), Bench.quantile(latencies, 0.99),
                latencies.length == 0 ? -1 : latencies[latencies.length - 1]);
        pinger.shutdownNow();
        synchronized (sockets) {
            sockets.forEach(WebSocket::abort);
        }
    }

    /**
     * The emergency's marker in an alert frame, by a plain search rather than a regular expression
     * that backtracks over the frame: the client reads every alert on ten thousand sockets, on the
     * same 2 cores as the service it measures.
     */
    static String marker(String frame) {
        int start = frame.indexOf(MARKER) + MARKER.length() - 2;
        return frame.substring(start, frame.indexOf(':', start));
    }

    static String login(HttpClient http, String base, String user, String password) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"accessToken\":\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("login failed: HTTP " + response.statusCode());
        }
        return token.group(1);
    }
}
