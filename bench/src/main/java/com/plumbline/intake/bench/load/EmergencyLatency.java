package com.plumbline.intake.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts --count signed emergency webhooks, --interval ms apart, and measures for each the time from
 * its post to (1) the first frame naming it on a real WebSocket client of /ws/dashboard and (2) the
 * first SMS naming it at the Twilio stand-in, and (3) the webhook's answer. The WebSocket client logs in as a board does
 * (--base, --user, --password). Prints p50/p99/max for both and how many arrived
 * within --timeout seconds (one that never arrives counts as the timeout).
 */
final class EmergencyLatency {

    private static final Pattern MARKER = Pattern.compile("\"body\":\"(E-[A-Za-z0-9-]+):");

    static void run(Bench.Options options) throws Exception {
        String series = options.get("series");
        int count = options.number("count", 5);
        int interval = options.number("interval", 1000);
        long timeoutMs = options.number("timeout", 120) * 1000L;
        URI target = URI.create(options.get("url"));
        String standIn = options.get("standin");
        TwilioRequests requests = new TwilioRequests(options.get("token"), options.get("public-url"));

        Map<String, Long> onSocket = new ConcurrentHashMap<>();
        // HTTP/1.1 as the providers post; the login below opens the connection the posts reuse, so the
        // first emergency does not pay this client's connection set-up
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(options.get("ws")), new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                long at = System.currentTimeMillis();
                partial.append(data);
                if (last) {
                    Matcher marker = MARKER.matcher(partial);
                    if (marker.find()) {
                        onSocket.putIfAbsent(marker.group(1), at);
                    }
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        // a board receives nothing before its access token is accepted
        socket.sendText("{\"type\":\"auth\",\"token\":\"" + BoardConnections.login(http, options.get("base"),
                options.get("user"), options.get("password")) + "\"}", true).join();

        if (options.values().containsKey("jdbc")) {
            // acknowledged but not yet classified: the backlog the emergencies are posted behind
            try (java.sql.Connection db = java.sql.DriverManager.getConnection(options.get("jdbc"), "postgres", "");
                 java.sql.ResultSet row = db.createStatement().executeQuery("select (select count(*) from webhook_event)"
                         + " - (select count(*) from message where direction = 'INBOUND')")) {
                row.next();
                System.out.printf("backlog_at_first=%d%n", row.getLong(1));
            }
        }
        Map<String, Long> answered = new ConcurrentHashMap<>();
        Map<String, Long> postedAt = Emergencies.post(http, target, requests, series, count, interval,
                series.hashCode() % 1000 * 10 + 5000, answered);
        List<String> markers = List.copyOf(postedAt.keySet());

        Map<String, Long> onSms = new ConcurrentHashMap<>();
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline && (onSocket.size() < count || onSms.size() < count)) {
            for (String marker : markers) {
                if (!onSms.containsKey(marker)) {
                    HttpResponse<String> sms = http.send(HttpRequest.newBuilder(URI.create(standIn + "/_bench/sms?marker=" + marker))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    if (sms.statusCode() == 200) {
                        onSms.put(marker, Long.parseLong(sms.body().trim()));
                    }
                }
            }
            Thread.sleep(200);
        }
        socket.abort();
        report("ws", markers, postedAt, onSocket, timeoutMs);
        report("sms", markers, postedAt, onSms, timeoutMs);
        // the webhook's own answer (stored): the part of the latency spent before processing
        report("ack", markers, postedAt, answered, timeoutMs);
    }

    private static void report(String name, List<String> markers, Map<String, Long> postedAt, Map<String, Long> arrived,
                               long timeoutMs) {
        long[] latencies = markers.stream()
                .mapToLong(m -> arrived.containsKey(m) ? arrived.get(m) - postedAt.get(m) : timeoutMs).sorted().toArray();
        System.out.printf("%s_arrived=%d/%d%n%s_p50_ms=%d%n%s_p99_ms=%d%n%s_max_ms=%d%n", name,
                markers.stream().filter(arrived::containsKey).count(), markers.size(), name,
                Bench.quantile(latencies, 0.5), name, Bench.quantile(latencies, 0.99), name, latencies[latencies.length - 1]);
        // in posting order: shows whether the slow ones are the first after a start (a cold JVM) or spread out
        System.out.printf("%s_in_order_ms=%s%n", name, markers.stream()
                .map(m -> arrived.containsKey(m) ? String.valueOf(arrived.get(m) - postedAt.get(m)) : "-")
                .collect(java.util.stream.Collectors.joining(" ")));
    }
}
