package com.plumbline.intake.ingress;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a caller sends, each provider's parser either reads it or refuses it with our own
 * rejection (a 4xx with a fixed message): never another exception, which would be a 500 or a 503
 * and a provider retrying forever. Plain objects, no Spring and no HTTP.
 */
class WebhookParserPropertyTest {

    private static final String TWILIO_TOKEN = "twilio-test-auth-token";
    private static final String RELAY_SECRET = "relay-test-secret";
    private static final Instant NOW = Instant.parse("2026-11-26T15:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final IngressProperties PROPERTIES = new IngressProperties("https://intake.plumbline.test",
            new IngressProperties.Twilio(TWILIO_TOKEN),
            new IngressProperties.GoogleVoice(RELAY_SECRET, Duration.ofMinutes(5), 100),
            new IngressProperties.PubSub(new IngressProperties.Push("https://intake.plumbline.test/api/webhooks/google-pubsub",
                    "pubsub-push@plumbline-test.iam.gserviceaccount.com", URI.create("http://127.0.0.1:9/certs"))));

    private final RelayEvents relayEvents = new RelayEvents(JSON, PROPERTIES);
    private final TwilioWebhook twilio = new TwilioWebhook(PROPERTIES);
    private final GoogleVoiceWebhook googleVoice = new GoogleVoiceWebhook(PROPERTIES, Clock.fixed(NOW, ZoneOffset.UTC), relayEvents);
    private final PubSubPushWebhook pubSub = newPubSub();

    // --- Twilio --------------------------------------------------------------------------------

    @Property(tries = 400)
    void twilioReadsOrRefusesAnyForm(@ForAll("twilioForms") String body) {
        readsOrRefuses(() -> twilio.sms(body));
        readsOrRefuses(() -> twilio.voice(body));
        readsOrRefuses(() -> twilio.message(body));
    }

    @Property(tries = 300)
    void twilioSignatureCheckRefusesAnythingUnsigned(@ForAll("twilioForms") String body,
                                                    @ForAll("formContentTypes") Object contentType,
                                                    @ForAll("headerValues") Object signature) {
        WebhookRejectedException refused = refusal(() -> {
            twilio.checkHeaders(contentType, signature);
            twilio.verify(body, signature, "/api/webhooks/twilio", null);
        });
        assertThat(refused).as("an unsigned request passed").isNotNull();
    }

    // --- Google Voice relay --------------------------------------------------------------------

    @Property(tries = 400)
    void relayReadsOrRefusesAnyBody(@ForAll("relayBodies") byte[] body) {
        readsOrRefuses(() -> googleVoice.events(body));
    }

    @Property(tries = 300)
    void relayHeadersAreCheckedOrRefusedNeverThrown(@ForAll("timestamps") Object timestamp,
                                                   @ForAll("headerValues") Object signature,
                                                   @ForAll("relayBodies") byte[] body) {
        WebhookRejectedException refused = refusal(() -> {
            googleVoice.checkHeaders("application/json", timestamp, signature);
            googleVoice.verify(body, timestamp, signature);
        });
        assertThat(refused).as("a request without our signature passed").isNotNull();
    }

    @Property(tries = 200)
    void signedRelayBodiesAreReadOrRefusedAsBadRequests(@ForAll("relayBodies") byte[] body) {
        String timestamp = Long.toString(NOW.getEpochSecond());
        String signature = com.plumbline.intake.support.RelaySigner.sign(RELAY_SECRET, NOW.getEpochSecond(), body);
        googleVoice.checkHeaders("application/json", timestamp, signature);
        googleVoice.verify(body, timestamp, signature);
        readsOrRefuses(() -> googleVoice.events(body));
    }

    // --- Pub/Sub push --------------------------------------------------------------------------

    @Property(tries = 400)
    void pubSubReadsOrRefusesAnyEnvelope(@ForAll("pushBodies") String body) {
        readsOrRefuses(() -> pubSub.events(body));
    }

    @Property(tries = 300)
    void pubSubRefusesForeignTokensWithoutRepeatingThem(@ForAll("tokens") String token) {
        WebhookRejectedException refused = refusal(() -> pubSub.checkHeaders("application/json", "Bearer " + token));
        assertThat(refused).isNotNull();
        assertThat(refused.getStatus()).isEqualTo(401);
        assertThat(refused.getMessage()).isIn("Invalid push token", "Token not issued by Google");
    }

    // --- what "reads or refuses" means ---------------------------------------------------------

    private static void readsOrRefuses(Runnable parse) {
        try {
            parse.run();
        } catch (PoisonMessageException poison) {
            // Pub/Sub: stored as REJECTED and acknowledged (200), so not redelivered forever
            assertThat(poison.getMessage()).doesNotContain("\n", "\r");
        } catch (WebhookRejectedException rejected) {
            assertThat(rejected.getStatus()).isBetween(400, 499);
            assertThat(rejected.getMessage()).isNotBlank().doesNotContain("\n", "\r");
        }
    }

    /** The rejection, or null when the request passed; any other exception fails the property. */
    private static WebhookRejectedException refusal(Runnable check) {
        try {
            check.run();
            return null;
        } catch (WebhookRejectedException rejected) {
            assertThat(rejected.getStatus()).isBetween(400, 499);
            assertThat(rejected.getMessage()).doesNotContain("\n", "\r");
            return rejected;
        }
    }

    // --- inputs --------------------------------------------------------------------------------

    /** Any text, NUL bytes, lone surrogates, odd Unicode, script- and SQL-looking strings. */
    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(80),
                Arbitraries.strings().ascii().ofMaxLength(40),
                Arbitraries.of("", " ", "\u0000", "\uD800", "\uFFFF", "\u202E+15125550143", "<script>alert(1)</script>",
                        "'; DROP TABLE webhook_event; --", "%", "%zz", "%E2%82", "+1" + "5".repeat(300),
                        "a".repeat(5000), "\r\nINFO forged log line", "null", "true", "[]", "{}", "-1", "9".repeat(25)));
    }

    @Provide
    Arbitrary<String> twilioForms() {
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of("MessageSid", "SmsSid", "CallSid", "From", "To", "Body",
                "CallStatus", "CallDuration", "RecordingDuration", "RecordingUrl", "RecordingSid", "TranscriptionSid",
                "TranscriptionText", "MediaUrl0", "MediaUrl1", "NumMedia"), texts());
        Arbitrary<String> encoded = Combinators.combine(names, texts()).as((name, value) -> encode(name) + "=" + encode(value))
                .list().ofMaxSize(12).map(pairs -> String.join("&", pairs));
        return Arbitraries.oneOf(encoded, texts(), Arbitraries.strings().withChars("=&%+aZ09").ofMaxLength(40));
    }

    @Provide
    Arbitrary<byte[]> relayBodies() {
        Arbitrary<Object> values = Arbitraries.oneOf(texts().map(t -> (Object) t),
                Arbitraries.of("sms", "voicemail", "missed_call", "fax", "2026-11-26T15:00:00Z", "+1000000000-01-01T00:00:00Z"),
                Arbitraries.integers().map(i -> (Object) i), Arbitraries.just(null), Arbitraries.just(List.of()),
                Arbitraries.just(Map.of("nested", true)), Arbitraries.doubles().map(d -> (Object) d));
        Arbitrary<Map<String, Object>> events = Combinators.combine(
                Arbitraries.oneOf(Arbitraries.of("id", "type", "from", "to", "text", "transcript", "occurredAt", "mediaUrls"), texts()),
                values).as(java.util.AbstractMap.SimpleEntry::new).list().ofMaxSize(9)
                .map(entries -> {
                    Map<String, Object> event = new LinkedHashMap<>(); // toMap refuses null values
                    entries.forEach(entry -> event.put(entry.getKey(), entry.getValue()));
                    return event;
                });
        Arbitrary<byte[]> json = Arbitraries.oneOf(events.map(e -> (Object) e), events.list().ofMaxSize(4).map(l -> (Object) l),
                        values)
                .map(WebhookParserPropertyTest::json);
        return Arbitraries.oneOf(json, Arbitraries.bytes().array(byte[].class).ofMaxSize(64),
                texts().map(t -> t.getBytes(StandardCharsets.UTF_8)),
                json.map(b -> java.util.Arrays.copyOf(b, Math.max(0, b.length - 3)))); // truncated
    }

    @Provide
    Arbitrary<String> pushBodies() {
        Arbitrary<String> data = Arbitraries.oneOf(relayBodies().map(b -> Base64.getEncoder().encodeToString(b)), texts());
        Arbitrary<Object> messageIds = Arbitraries.oneOf(texts().map(t -> (Object) t), Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.just(null), Arbitraries.just(List.of("a")));
        Arbitrary<String> envelopes = Combinators.combine(data, messageIds, Arbitraries.of(true, false)).as((d, id, wrap) -> {
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("data", d);
            message.put("messageId", id);
            return new String(json(wrap ? Map.of("message", message) : message), StandardCharsets.UTF_8);
        });
        return Arbitraries.oneOf(envelopes, texts(), relayBodies().map(b -> new String(b, StandardCharsets.UTF_8)));
    }

    /** Foreign tokens: garbage, and well-formed JWTs that are unsigned, HMAC-signed or carry a hostile {@code typ}. */
    @Provide
    Arbitrary<String> tokens() {
        Arbitrary<String> headers = Arbitraries.oneOf(
                Arbitraries.of("{\"alg\":\"none\"}", "{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
                        "{\"alg\":\"HS256\",\"typ\":\"evil\\r\\nINFO forged\"}", "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"x\"}"),
                texts());
        Arbitrary<String> jwts = Combinators.combine(headers, texts(), texts()).as((header, claims, signature) ->
                base64Url(header) + "." + base64Url(claims) + "." + base64Url(signature));
        return Arbitraries.oneOf(jwts, texts());
    }

    /** A header as Camel hands it over: absent, one value, or (sent twice) a list. */
    @Provide
    Arbitrary<Object> headerValues() {
        return Arbitraries.oneOf(texts().map(t -> (Object) t), Arbitraries.just(null),
                texts().list().ofMinSize(2).ofMaxSize(3).map(l -> (Object) l),
                Arbitraries.strings().withChars("0123456789abcdef").ofLength(64).map(hex -> (Object) ("sha256=" + hex)));
    }

    @Provide
    Arbitrary<Object> formContentTypes() {
        return Arbitraries.oneOf(Arbitraries.of("application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=UTF-8"),
                headerValues());
    }

    @Provide
    Arbitrary<Object> timestamps() {
        return Arbitraries.oneOf(headerValues(), Arbitraries.longs().map(l -> (Object) Long.toString(l)),
                Arbitraries.longs().between(-600, 600).map(offset -> (Object) Long.toString(NOW.getEpochSecond() + offset)),
                Arbitraries.of("+" + NOW.getEpochSecond(), " " + NOW.getEpochSecond() + " ", "1e10", "0x10", "9".repeat(30)));
    }

    private PubSubPushWebhook newPubSub() {
        try {
            return new PubSubPushWebhook(PROPERTIES, JSON, relayEvents);
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
