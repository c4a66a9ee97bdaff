package com.plumbline.intake.bench.load;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.twilio.security.RequestValidator;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The hand-written receiver the service's ingest is compared with: the JDK's HTTP server, Twilio's
 * RequestValidator, and one {@code INSERT ... ON CONFLICT DO NOTHING} per webhook in autocommit on
 * a Hikari pool of 10 (the service's pool size), against the same PostgreSQL with the same settings
 * (fsync and synchronous_commit on). 200 worker threads, as Tomcat's default.
 */
final class Receiver {

    static void run(Bench.Options options) throws Exception {
        HikariDataSource db = new HikariDataSource();
        db.setJdbcUrl(options.get("jdbc"));
        db.setUsername(options.get("db-user", "postgres"));
        db.setMaximumPoolSize(10);
        try (Connection connection = db.getConnection()) {
            connection.createStatement().execute("create schema if not exists bench");
            connection.createStatement().execute("""
                    create table if not exists bench.receiver_event (
                        id bigserial primary key,
                        provider_message_id varchar(255) not null unique,
                        from_number varchar(64), to_number varchar(64), body text,
                        raw_payload text not null, received_at timestamptz not null default now())""");
        }
        RequestValidator validator = new RequestValidator(options.get("token"));
        String signedUrl = options.get("public-url") + TwilioRequests.PATH;

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", options.number("port", 18090)), 1024);
        server.setExecutor(Executors.newFixedThreadPool(200));
        server.createContext(TwilioRequests.PATH, exchange -> {
            try (exchange) {
                String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Map<String, String> params = form(raw);
                String signature = exchange.getRequestHeaders().getFirst("X-Twilio-Signature");
                if (!"POST".equals(exchange.getRequestMethod()) || signature == null
                        || !validator.validate(signedUrl, params, signature)) {
                    answer(exchange, 403, "{\"error\":\"forbidden\"}");
                    return;
                }
                try (Connection connection = db.getConnection(); PreparedStatement insert = connection.prepareStatement(
                        "insert into bench.receiver_event (provider_message_id, from_number, to_number, body, raw_payload)"
                                + " values (?, ?, ?, ?, ?) on conflict (provider_message_id) do nothing")) {
                    insert.setString(1, params.get("MessageSid"));
                    insert.setString(2, params.get("From"));
                    insert.setString(3, params.get("To"));
                    insert.setString(4, params.get("Body"));
                    insert.setString(5, raw);
                    insert.executeUpdate();
                } catch (SQLException e) {
                    answer(exchange, 503, "{\"error\":\"unavailable\"}");
                    return;
                }
                answer(exchange, 200, "<Response/>");
            }
        });
        server.start();
        System.out.println("receiver listening on " + server.getAddress());
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status == 200 ? "text/xml" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
