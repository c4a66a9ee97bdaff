package com.plumbline.intake.bench.load;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for https://api.twilio.com (the service is pointed at it with TWILIO_API_URL): every
 * {@code POST .../Messages.json} is accepted (201 + sid). As Twilio, it lists what it accepted on
 * {@code GET .../Messages.json?To=&From=}, newest first (the service looks there for an SMS whose send it is not
 * sure of, before sending it again). It notes when the first SMS whose body starts with a bench marker ("E-...:")
 * arrived, in wall-clock ms, for {@code GET /_bench/sms?marker=}.
 */
final class TwilioApiStandIn {

    private static final Pattern MARKER = Pattern.compile("\"?(E-[A-Za-z0-9-]+):");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An SMS the stand-in accepted. */
    private record Accepted(String sid, String to, String from, String body, long at) {
    }

    static void run(Bench.Options options) throws IOException {
        Map<String, Long> firstSms = new ConcurrentHashMap<>();
        AtomicLong sids = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", options.number("port", 18099)), 1024);
        server.setExecutor(Executors.newFixedThreadPool(32));
        Map<String, Deque<Accepted>> byRecipient = new ConcurrentHashMap<>();
        server.createContext("/2010-04-01/", exchange -> {
            try (exchange) {
                long at = System.currentTimeMillis();
                if ("GET".equals(exchange.getRequestMethod())) {
                    Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
                    answer(exchange, 200, list(byRecipient.getOrDefault(query.get("To"), new ArrayDeque<>()),
                            query.get("From"), exchange.getRequestURI().getPath()));
                    return;
                }
                String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Matcher marker = MARKER.matcher(URLDecoder.decode(raw, StandardCharsets.UTF_8));
                if (marker.find()) {
                    firstSms.putIfAbsent(marker.group(1), at);
                }
                Map<String, String> form = form(raw);
                Accepted sms = new Accepted("SM%032x".formatted(sids.incrementAndGet()), form.get("To"), form.get("From"),
                        form.get("Body"), at);
                byRecipient.computeIfAbsent(String.valueOf(sms.to()), to -> new ConcurrentLinkedDeque<>()).addFirst(sms);
                answer(exchange, 201, "{\"sid\":\"%s\",\"status\":\"queued\"}".formatted(sms.sid()));
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

    private static Map<String, String> form(String raw) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : raw == null || raw.isEmpty() ? new String[0] : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    /** One page of Twilio's Messages list with every match, newest first. */
    private static String list(Deque<Accepted> sent, String from, String path) {
        ArrayNode messages = JSON.createArrayNode();
        for (Accepted sms : sent) {
            if (from == null || from.equals(sms.from())) {
                String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochMilli(sms.at()).atZone(ZoneOffset.UTC));
                messages.addObject().put("sid", sms.sid()).put("to", sms.to()).put("from", sms.from())
                        .put("body", sms.body()).put("status", "queued").put("direction", "outbound-api")
                        .put("date_created", date).put("date_updated", date);
            }
        }
        ObjectNode page = JSON.createObjectNode();
        page.set("messages", messages);
        page.put("page", 0).put("page_size", messages.size()).put("uri", path).putNull("next_page_uri");
        return page.toString();
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
