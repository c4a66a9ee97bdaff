package com.plumbline.intake.ingress;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.plumbline.intake.support.WebhookClient;
import com.plumbline.intake.support.IntakeIntegrationTest;
import com.plumbline.intake.support.RelaySigner;
import com.plumbline.intake.support.TwilioSigner;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A table of bad requests over every webhook endpoint and the JSON APIs. Each gets its status and a
 * JSON error of ours, stores nothing (no webhook_event, no message, nothing on intake.inbound),
 * leaves no stack trace in the log, and a good webhook right after it is still served. One Spring
 * context for the whole table (the shared one of {@link IntakeIntegrationTest}).
 */
@ExtendWith(OutputCaptureExtension.class)
class BadRequestTest extends IntakeIntegrationTest {

    private static final String TWILIO = "/api/webhooks/twilio";
    private static final String SMS = "/api/webhooks/twilio/sms";
    private static final String VOICE = "/api/webhooks/twilio/voice";
    private static final String RELAY = "/api/webhooks/google-voice";
    private static final String PUSH = "/api/webhooks/google-pubsub";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON_TYPE = "application/json";
    private static final String EVENT = """
            {"id":"gv-bad-1","type":"sms","from":"+15125550111","text":"no water in the house"}""";
    /** Stands for a fresh admin access token, fetched when the case runs. */
    private static final String ADMIN_TOKEN = "<admin token>";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String adminToken;

    /** One bad request: what is sent, and the status and error code it must get. */
    record BadRequest(String name, String method, String path, List<String> headers, byte[] body, int status, String error) {
        @Override
        public String toString() {
            return name + " -> " + status;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isRefusedWithItsStatusStoresNothingAndTheNextGoodRequestIsServed(BadRequest bad, CapturedOutput output) throws Exception {
        int logBefore = output.getAll().length();

        HttpResponse<String> answer = send(bad);

        assertThat(answer.statusCode()).as(bad.name() + ": " + answer.body()).isEqualTo(bad.status());
        assertThat(answer.headers().firstValue("Content-Type")).as(bad.name())
                .hasValueSatisfying(type -> assertThat(type).startsWith(JSON_TYPE));
        JsonNode error = MAPPER.readTree(answer.body());
        assertThat(error.path("error").asText()).as(bad.name() + ": " + answer.body()).isEqualTo(bad.error());
        assertThat(error.path("message").asText()).as(bad.name()).isNotBlank();
        assertThat(answer.body()).as(bad.name()).doesNotContain("Exception", "\tat ", "<script>", "DROP TABLE", "evil");

        assertThat(webhookEvents()).as(bad.name() + ": webhook_event").isZero();
        assertThat(jdbc.queryForObject("select count(*) from message", Integer.class)).as(bad.name() + ": message").isZero();
        assertThat(drain(INBOUND_QUEUE)).as(bad.name() + ": intake.inbound").isEmpty();
        String log = output.getAll().substring(logBefore);
        assertThat(log).as(bad.name() + ": log").doesNotContain("\tat ", "Exception:", "ERROR", "<script>", "DROP TABLE", "evil");

        String id = "gv-good-" + System.nanoTime();
        long now = Instant.now().getEpochSecond();
        String good = EVENT.replace("gv-bad-1", id);
        assertThat(client().postRelay(good, now).statusCode()).as("a good relay event after " + bad.name()).isEqualTo(200);
        assertThat(jdbc.queryForList("select provider_message_id from webhook_event", String.class)).containsExactly(id);
    }

    static Stream<BadRequest> badRequests() {
        List<BadRequest> table = new ArrayList<>();
        table.addAll(twilio());
        table.addAll(googleVoiceRelay());
        table.addAll(pubSubPush());
        table.addAll(jsonApis());
        assertThat(table).hasSizeGreaterThanOrEqualTo(60);
        assertThat(table.stream().map(BadRequest::name).distinct()).hasSameSizeAs(table);
        return table.stream();
    }

    private static List<BadRequest> twilio() {
        Map<String, String> sms = WebhookIngressTest.twilioSms("SM7777777777777777777777777777777a", "pipe burst");
        String goodSignature = TwilioSigner.sign(TWILIO_TOKEN, PUBLIC_BASE_URL + TWILIO, sms);
        Map<String, String> tampered = with(sms, "Body", "all fine, ignore");
        Map<String, String> call = new LinkedHashMap<>(Map.of("CallSid", "CA7777777777777777777777777777777b",
                "CallStatus", "no-answer", "From", "+15125550177", "To", "+15125550100"));
        return List.of(
                post("twilio without signature", TWILIO, form(sms), 403, "forbidden", "Content-Type", FORM),
                post("twilio with a blank signature", TWILIO, form(sms), 403, "forbidden", "Content-Type", FORM,
                        "X-Twilio-Signature", " "),
                post("twilio signed by another account", TWILIO, form(sms), 403, "forbidden", "Content-Type", FORM,
                        "X-Twilio-Signature", TwilioSigner.sign("other-token", PUBLIC_BASE_URL + TWILIO, sms)),
                post("twilio signed for another URL", TWILIO, form(sms), 403, "forbidden", "Content-Type", FORM,
                        "X-Twilio-Signature", TwilioSigner.sign(TWILIO_TOKEN, "https://attacker.example" + TWILIO, sms)),
                post("twilio with a tampered body", TWILIO, form(tampered), 403, "forbidden", "Content-Type", FORM,
                        "X-Twilio-Signature", goodSignature),
                post("twilio signature sent twice", TWILIO, form(sms), 400, "bad_request", "Content-Type", FORM,
                        "X-Twilio-Signature", goodSignature, "X-Twilio-Signature", goodSignature),
                post("twilio as JSON", TWILIO, "{\"MessageSid\":\"SM1\"}", 415, "unsupported_media_type",
                        "Content-Type", JSON_TYPE, "X-Twilio-Signature", goodSignature),
                post("twilio without Content-Type", TWILIO, form(sms), 415, "unsupported_media_type",
                        "X-Twilio-Signature", goodSignature),
                post("twilio as text/plain with script", SMS, "<script>alert(1)</script>", 415, "unsupported_media_type",
                        "Content-Type", "text/plain", "X-Twilio-Signature", goodSignature),
                post("twilio truncated form", TWILIO, "MessageSid=SM1&From=%2", 400, "bad_request",
                        "Content-Type", FORM, "X-Twilio-Signature", goodSignature),
                post("twilio form field without a value", TWILIO, "MessageSid&From", 403, "forbidden",
                        "Content-Type", FORM, "X-Twilio-Signature", goodSignature),
                signedTwilio("twilio without From", TWILIO, without(sms, "From"), 400),
                signedTwilio("twilio with neither MessageSid nor CallSid", TWILIO,
                        Map.of("From", "+15125550143", "Body", "hello"), 400),
                signedTwilio("twilio MessageSid of 300 characters", TWILIO,
                        with(without(sms, "SmsSid"), "MessageSid", "SM" + "7".repeat(298)), 400),
                signedTwilio("twilio SQL-looking MessageSid over 255", SMS,
                        with(without(sms, "SmsSid"), "MessageSid", "'; DROP TABLE webhook_event; --" + "x".repeat(300)), 400),
                signedTwilio("twilio From with NUL bytes over 32", SMS, with(sms, "From", "+1512\u0000" + "5".repeat(40)), 400),
                signedTwilio("twilio From of odd Unicode over 32", SMS, with(sms, "From", "\u202E\uFEFF+15125550143".repeat(4)), 400),
                signedTwilio("twilio voice CallSid of 300 characters", VOICE, with(call, "CallSid", "CA" + "b".repeat(298)), 400),
                signedTwilio("twilio voice CallStatus over 20", VOICE, with(call, "CallStatus", "in-progress".repeat(3)), 400),
                signedTwilio("twilio voice without CallSid", VOICE, without(call, "CallSid"), 400),
                request("twilio by GET", "GET", TWILIO, null, 405, "method_not_allowed"),
                request("twilio sms by PUT", "PUT", SMS, form(sms).getBytes(StandardCharsets.UTF_8), 405, "method_not_allowed",
                        "Content-Type", FORM),
                post("twilio body over 256 KiB", TWILIO, "Body=" + "a".repeat(300 * 1024), 413, "payload_too_large",
                        "Content-Type", FORM, "X-Twilio-Signature", goodSignature));
    }

    private static List<BadRequest> googleVoiceRelay() {
        long now = Instant.now().getEpochSecond();
        String batchOf101 = IntStream.range(0, 101)
                .mapToObj(i -> EVENT.replace("gv-bad-1", "gv-batch-" + i)).collect(Collectors.joining(",", "[", "]"));
        return List.of(
                post("relay without signature headers", RELAY, EVENT, 401, "unauthorized", "Content-Type", JSON_TYPE),
                post("relay signed with another secret", RELAY, EVENT, 401, "unauthorized", "Content-Type", JSON_TYPE,
                        "X-Relay-Timestamp", Long.toString(now),
                        "X-Relay-Signature", RelaySigner.sign("other-secret", now, EVENT)),
                relay("relay replayed six minutes later", EVENT, now - 360, 401, "unauthorized"),
                relay("relay timestamp ten minutes ahead", EVENT, now + 600, 401, "unauthorized"),
                relay("relay timestamp beyond Instant", EVENT, 9_000_000_000_000_000_000L, 400, "bad_request"),
                post("relay timestamp that is a word", RELAY, EVENT, 400, "bad_request", "Content-Type", JSON_TYPE,
                        "X-Relay-Timestamp", "yesterday", "X-Relay-Signature", RelaySigner.sign(RELAY_SECRET, now, EVENT)),
                post("relay timestamp beyond long", RELAY, EVENT, 400, "bad_request", "Content-Type", JSON_TYPE,
                        "X-Relay-Timestamp", "-99999999999999999999999", "X-Relay-Signature", RelaySigner.sign(RELAY_SECRET, now, EVENT)),
                post("relay signature that is not hex", RELAY, EVENT, 401, "unauthorized", "Content-Type", JSON_TYPE,
                        "X-Relay-Timestamp", Long.toString(now), "X-Relay-Signature", "sha256=<script>alert(1)</script>"),
                post("relay signature sent twice", RELAY, EVENT, 400, "bad_request", "Content-Type", JSON_TYPE,
                        "X-Relay-Timestamp", Long.toString(now),
                        "X-Relay-Signature", RelaySigner.sign(RELAY_SECRET, now, EVENT),
                        "X-Relay-Signature", RelaySigner.sign(RELAY_SECRET, now, EVENT)),
                post("relay timestamp sent twice", RELAY, EVENT, 400, "bad_request", "Content-Type", JSON_TYPE,
                        "X-Relay-Timestamp", Long.toString(now), "X-Relay-Timestamp", Long.toString(now),
                        "X-Relay-Signature", RelaySigner.sign(RELAY_SECRET, now, EVENT)),
                post("relay as a form", RELAY, "id=1", 415, "unsupported_media_type", "Content-Type", FORM),
                post("relay as text/plain", RELAY, EVENT, 415, "unsupported_media_type", "Content-Type", "text/plain"),
                relay("relay malformed JSON", "{\"id\":\"gv-1\",", now, 400, "bad_request"),
                relay("relay truncated batch", "[" + EVENT + "," + EVENT.substring(0, 20), now, 400, "bad_request"),
                relay("relay a bare JSON string", "\"hello\"", now, 400, "bad_request"),
                relay("relay an empty batch", "[]", now, 400, "bad_request"),
                relay("relay unknown event type", EVENT.replace("\"sms\"", "\"fax\""), now, 400, "bad_request"),
                relay("relay script as event type", EVENT.replace("\"sms\"", "\"<script>alert(1)</script>\""), now, 400, "bad_request"),
                relay("relay event without from", "{\"id\":\"gv-2\",\"type\":\"sms\",\"text\":\"leak\"}", now, 400, "bad_request"),
                relay("relay SQL-looking id over 255", EVENT.replace("gv-bad-1", "1' OR '1'='1; DROP TABLE message; --" + "x".repeat(260)),
                        now, 400, "bad_request"),
                relay("relay from of odd Unicode over 32", EVENT.replace("+15125550111", "\u202E\u200B+15125550111".repeat(3)),
                        now, 400, "bad_request"),
                relay("relay occurredAt that is no time", EVENT.replace("}", ",\"occurredAt\":\"tomorrow-ish\"}"), now, 400, "bad_request"),
                relay("relay NUL byte inside JSON", EVENT.replace("no water", "no\u0000water"), now, 400, "bad_request"),
                relayBytes("relay body that is not UTF-8", EVENT.replace("no water", "ca\u00f1o roto").getBytes(StandardCharsets.ISO_8859_1),
                        now, 400, "bad_request"),
                relay("relay batch with one bad event", "[" + EVENT + ",{\"id\":\"gv-3\",\"type\":\"sms\"}]", now, 400, "bad_request"),
                relay("relay batch of 101 events", batchOf101, now, 413, "payload_too_large"),
                relay("relay huge text field over 256 KiB", EVENT.replace("no water", "w".repeat(300 * 1024)), now, 413, "payload_too_large"),
                request("relay by GET", "GET", RELAY, null, 405, "method_not_allowed"),
                request("relay by DELETE", "DELETE", RELAY, null, 405, "method_not_allowed"));
    }

    private static List<BadRequest> pubSubPush() {
        String envelope = WebhookClient.pushEnvelope("pubsub-bad-1", WebhookClient.base64(EVENT));
        String valid = GOOGLE.token(PUSH_AUDIENCE, PUSH_ACCOUNT, Instant.now().plusSeconds(3600));
        return List.of(
                post("push without Authorization", PUSH, envelope, 401, "unauthorized", "Content-Type", JSON_TYPE),
                post("push with Basic credentials", PUSH, envelope, 401, "unauthorized", "Content-Type", JSON_TYPE,
                        "Authorization", "Basic YWRtaW46YWRtaW4="),
                push("push with a garbage token", envelope, "not-a-jwt", 401, "unauthorized"),
                push("push with an expired token", envelope,
                        GOOGLE.token(PUSH_AUDIENCE, PUSH_ACCOUNT, Instant.now().minusSeconds(600)), 401, "unauthorized"),
                push("push token for another audience", envelope,
                        GOOGLE.token("https://elsewhere.example/push", PUSH_ACCOUNT, Instant.now().plusSeconds(600)), 401, "unauthorized"),
                push("push token of another service account", envelope,
                        GOOGLE.token(PUSH_AUDIENCE, "someone@evil.iam.gserviceaccount.com", Instant.now().plusSeconds(600)),
                        401, "unauthorized"),
                push("push token signed by an unknown key", envelope, GOOGLE.tokenFromUnknownKey(PUSH_AUDIENCE, PUSH_ACCOUNT),
                        401, "unauthorized"),
                push("push token with a hostile typ", envelope, unsignedToken("{\"alg\":\"RS256\",\"typ\":\"evil\\r\\nINFO forged\"}"),
                        401, "unauthorized"),
                push("push unsigned token", envelope, unsignedToken("{\"alg\":\"none\"}"), 401, "unauthorized"),
                push("push token whose header is JSON null", envelope, unsignedToken("null"), 401, "unauthorized"),
                post("push Authorization sent twice", PUSH, envelope, 400, "bad_request", "Content-Type", JSON_TYPE,
                        "Authorization", "Bearer " + valid, "Authorization", "Bearer " + valid),
                post("push as a form", PUSH, "message=1", 415, "unsupported_media_type", "Content-Type", FORM,
                        "Authorization", "Bearer " + valid),
                push("push malformed JSON", "{\"message\":", valid, 400, "bad_request"),
                push("push envelope without message", "{\"subscription\":\"projects/p/subscriptions/s\"}", valid, 400, "bad_request"),
                push("push message without messageId", "{\"message\":{\"data\":\"e30=\"}}", valid, 400, "bad_request"),
                push("push messageId over 255", WebhookClient.pushEnvelope("9".repeat(300), WebhookClient.base64(EVENT)),
                        valid, 400, "bad_request"),
                push("push data that is a number", "{\"message\":{\"messageId\":\"pubsub-bad-2\",\"data\":12}}", valid, 400, "bad_request"),
                request("push by GET", "GET", PUSH, null, 405, "method_not_allowed"));
    }

    private static List<BadRequest> jsonApis() {
        Instant now = Instant.now();
        return List.of(
                post("login malformed JSON", "/api/auth/login", "{\"username\":", 400, "bad_request", "Content-Type", JSON_TYPE),
                post("login as text/plain", "/api/auth/login", "admin:admin", 415, "unsupported_media_type", "Content-Type", "text/plain"),
                post("login of an unknown SQL-looking user", "/api/auth/login",
                        "{\"username\":\"admin' OR '1'='1\",\"password\":\"x\\u0000\"}", 401, "unauthorized", "Content-Type", JSON_TYPE),
                // only POST is open without a login: any other method asks for one first
                request("login by GET", "GET", "/api/auth/login", null, 401, "unauthorized"),
                request("staff list by PATCH", "PATCH", "/api/staff", null, 405, "method_not_allowed",
                        "Authorization", ADMIN_TOKEN),
                post("login body over 256 KiB", "/api/auth/login", "{\"username\":\"" + "u".repeat(300 * 1024) + "\"}",
                        413, "payload_too_large", "Content-Type", JSON_TYPE),
                request("staff list without a token", "GET", "/api/staff", null, 401, "unauthorized"),
                request("staff list with an expired token", "GET", "/api/staff", null, 401, "unauthorized",
                        "Authorization", "Bearer " + staffToken(JWT_SECRET, "plumbline-intake", now.minusSeconds(60))),
                request("staff list with a forged token", "GET", "/api/staff", null, 401, "unauthorized",
                        "Authorization", "Bearer " + staffToken("another-secret-of-at-least-32-bytes-xxxxxxx", "plumbline-intake",
                                now.plusSeconds(600))),
                request("staff list with a token for another audience", "GET", "/api/staff", null, 401, "unauthorized",
                        "Authorization", "Bearer " + staffToken(JWT_SECRET, "someone-else", now.plusSeconds(600))),
                post("staff create with malformed JSON", "/api/staff", "{\"name\":\"x\",", 400, "bad_request",
                        "Content-Type", JSON_TYPE, "Authorization", ADMIN_TOKEN),
                request("job approve with a word for an id", "POST", "/api/jobs/abc/approve", null, 400, "bad_request",
                        "Authorization", ADMIN_TOKEN),
                request("dead letter that does not exist", "GET", "/api/dead-letters/987654321", null, 404, "not_found",
                        "Authorization", ADMIN_TOKEN),
                // outside the known paths everything is denied, even to an admin
                request("unknown API path", "GET", "/api/nothing-here/%3Cscript%3Ealert(1)%3C/script%3E", null, 403, "forbidden",
                        "Authorization", ADMIN_TOKEN),
                post("unknown webhook provider", "/api/webhooks/vonage", "{}", 404, "not_found", "Content-Type", JSON_TYPE));
    }

    // --- building the table --------------------------------------------------------------------

    private static BadRequest post(String name, String path, String body, int status, String error, String... headers) {
        return request(name, "POST", path, body.getBytes(StandardCharsets.UTF_8), status, error, headers);
    }

    private static BadRequest request(String name, String method, String path, byte[] body, int status, String error,
                                      String... headers) {
        return new BadRequest(name, method, path, List.of(headers), body, status, error);
    }

    private static BadRequest signedTwilio(String name, String path, Map<String, String> params, int status) {
        return post(name, path, form(params), status, "bad_request", "Content-Type", FORM,
                "X-Twilio-Signature", TwilioSigner.sign(TWILIO_TOKEN, PUBLIC_BASE_URL + path, params));
    }

    private static BadRequest relay(String name, String body, long timestamp, int status, String error) {
        return relayBytes(name, body.getBytes(StandardCharsets.UTF_8), timestamp, status, error);
    }

    private static BadRequest relayBytes(String name, byte[] body, long timestamp, int status, String error) {
        return request(name, "POST", RELAY, body, status, error, "Content-Type", JSON_TYPE,
                "X-Relay-Timestamp", Long.toString(timestamp), "X-Relay-Signature", RelaySigner.sign(RELAY_SECRET, timestamp, body));
    }

    private static BadRequest push(String name, String body, String token, int status, String error) {
        return post(name, PUSH, body, status, error, "Content-Type", JSON_TYPE, "Authorization", "Bearer " + token);
    }

    private static Map<String, String> with(Map<String, String> params, String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(params);
        changed.put(name, value);
        return changed;
    }

    private static Map<String, String> without(Map<String, String> params, String name) {
        Map<String, String> changed = new LinkedHashMap<>(params);
        changed.remove(name);
        return changed;
    }

    /** A well-formed JWT with this header and no valid signature. */
    private static String unsignedToken(String header) {
        java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(("{\"iss\":\"https://accounts.google.com\",\"aud\":\"" + PUSH_AUDIENCE + "\",\"email\":\""
                + PUSH_ACCOUNT + "\"}").getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    /** A staff access token as the service would issue it, with our choice of key, audience and expiry. */
    private static String staffToken(String secret, String audience, Instant expires) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                    .subject("admin").issuer("plumbline-intake").audience(audience)
                    .issueTime(Date.from(expires.minusSeconds(900))).expirationTime(Date.from(expires))
                    .claim("roles", List.of("ADMIN")).build());
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // --- sending -------------------------------------------------------------------------------

    private HttpResponse<String> send(BadRequest bad) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + bad.path()))
                .timeout(Duration.ofSeconds(30))
                .method(bad.method(), bad.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bad.body()));
        List<String> headers = bad.headers();
        for (int i = 0; i < headers.size(); i += 2) {
            String value = headers.get(i + 1).equals(ADMIN_TOKEN) ? "Bearer " + adminToken() : headers.get(i + 1);
            request.header(headers.get(i), value);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String adminToken() {
        if (adminToken == null) {
            adminToken = login(ADMIN_USER, ADMIN_PASSWORD);
        }
        return adminToken;
    }
}
