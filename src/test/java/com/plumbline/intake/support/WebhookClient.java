package com.plumbline.intake.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/** Calls the running service the way the providers do: signed for the public URL. */
public class WebhookClient {

    public static final String PUBLIC_BASE_URL = "https://intake.plumbline.test";
    public static final String TWILIO_TOKEN = "twilio-test-auth-token";
    public static final String RELAY_SECRET = "relay-test-secret";

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final String bearer;

    public WebhookClient(int port) {
        this(port, null);
    }

    /** @param bearer an access token sent as {@code Authorization: Bearer}, or null */
    public WebhookClient(int port, String bearer) {
        this.port = port;
        this.bearer = bearer;
    }

    public WebhookClient withToken(String token) {
        return new WebhookClient(port, token);
    }

    /** The same login, another port (the management port). */
    public WebhookClient onPort(int otherPort) {
        return new WebhookClient(otherPort, bearer);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return request;
    }

    /** Any method, JSON body or none. */
    public HttpResponse<String> send(String method, String path, String jsonBody) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json");
        request.method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody));
        return send(request.build());
    }

    public HttpResponse<String> post(String path, String contentType, String body, String... headers) {
        HttpRequest.Builder request = request(path)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** @return the status code */
    public int delete(String path) {
        return send(request(path).DELETE().build()).statusCode();
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = request(path).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** A Twilio webhook signed for the public URL with Twilio's SDK. */
    public HttpResponse<String> postTwilio(String path, Map<String, String> params) {
        String signature = TwilioSigner.sign(TWILIO_TOKEN, PUBLIC_BASE_URL + path, params);
        return post(path, "application/x-www-form-urlencoded", form(params), "X-Twilio-Signature", signature);
    }

    public HttpResponse<String> postRelay(String body, long timestamp) {
        return post("/api/webhooks/google-voice", "application/json", body,
                "X-Relay-Timestamp", Long.toString(timestamp),
                "X-Relay-Signature", RelaySigner.sign(RELAY_SECRET, timestamp, body));
    }

    public static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A Pub/Sub push envelope as Google sends it, carrying {@code data} (base64) as message {@code messageId}. */
    public static String pushEnvelope(String messageId, String data) {
        return """
                {"message":{"attributes":{"source":"google-voice-relay"},"data":"%s","messageId":"%s","message_id":"%s",
                 "publishTime":"2026-11-26T15:00:01.123Z","publish_time":"2026-11-26T15:00:01.123Z"},
                 "subscription":"projects/plumbline-test/subscriptions/intake-push","deliveryAttempt":1}"""
                .formatted(data, messageId, messageId);
    }

    public static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
