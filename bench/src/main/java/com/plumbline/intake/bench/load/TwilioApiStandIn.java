package com.plumbline.intake.bench.load;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for https://api.twilio.com (the service is pointed at it with TWILIO_API_URL): every
 * {@code POST .../Messages.json} is accepted (201 + sid). It notes when the first SMS whose body
 * starts with a bench marker ("E-...:") arrived, in wall-clock ms, for {@code GET /_bench/sms?marker=}.
 */
final class TwilioApiStandIn {

    private static final Pattern MARKER = Pattern.compile("\"?(E-[A-Za-z0-9-]+):");

    static void run(Bench.Options options) throws IOException {
        Map<String, Long> firstSms = new ConcurrentHashMap<>();
        AtomicLong sids = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", options.number("port", 18099)), 1024);
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.createContext("/2010-04-01/", exchange -> {
            try (exchange) {
                long at = System.currentTimeMillis();
                String body = URLDecoder.decode(new String(exchange.getRequestBody().readAllBytes(),
                        StandardCharsets.UTF_8), StandardCharsets.UTF_8);
                Matcher marker = MARKER.matcher(body);
                if (marker.find()) {
                    firstSms.putIfAbsent(marker.group(1), at);
                }
                answer(exchange, 201, "{\"sid\":\"SM%032x\",\"status\":\"queued\"}".formatted(sids.incrementAndGet()));
            }
        });
        server.createContext("/_bench/sms", exchange -> {
            try (exchange) {
                String marker = exchange.getRequestURI().getQuery().replaceFirst("^marker=", "");
                Long at = firstSms.get(marker);
                answer(exchange, at == null ? 404 : 200, at == null ? "" : at.toString());
            }
        });
        server.createContext("/_bench/count", exchange -> {
            try (exchange) {
                answer(exchange, 200, Long.toString(sids.get()));
            }
        });
        server.start();
        System.out.println("twilio stand-in listening on " + server.getAddress());
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
