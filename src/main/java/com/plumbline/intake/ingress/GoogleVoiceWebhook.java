package com.plumbline.intake.ingress;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Google Voice relay webhook. The relay sends {@code X-Relay-Timestamp} (Unix seconds) and
 * {@code X-Relay-Signature}: hex HMAC-SHA256 of {@code timestamp + "." + body} keyed with
 * {@code GOOGLE_WEBHOOK_SECRET} (optionally prefixed {@code sha256=}). Timestamps outside the
 * tolerance (5 minutes) are refused, so a captured request cannot be replayed later.
 */
@Component("googleVoiceWebhook")
public class GoogleVoiceWebhook {

    static final String TIMESTAMP_HEADER = "X-Relay-Timestamp";
    static final String SIGNATURE_HEADER = "X-Relay-Signature";
    private static final Pattern HEX_SHA256 = Pattern.compile("(sha256=)?[0-9A-Fa-f]{64}");
    private static final Logger LOG = LoggerFactory.getLogger(GoogleVoiceWebhook.class);

    private final byte[] secret;
    private final Duration tolerance;
    private final Clock clock;
    private final RelayEvents relayEvents;

    public GoogleVoiceWebhook(IngressProperties properties, Clock clock, RelayEvents relayEvents) {
        String configured = properties.googleVoice() == null ? null : properties.googleVoice().secret();
        if (configured == null || configured.isBlank()) {
            LOG.warn("GOOGLE_WEBHOOK_SECRET is not set: every Google Voice relay webhook will be refused");
        }
        this.secret = configured == null || configured.isBlank() ? null : configured.getBytes(StandardCharsets.UTF_8);
        this.tolerance = properties.googleVoice() == null ? Duration.ofMinutes(5) : properties.googleVoice().tolerance();
        this.clock = clock;
        this.relayEvents = relayEvents;
    }

    /** Before the body is read: JSON, a timestamp inside the window and a well-formed signature. */
    public void checkHeaders(@Header(Exchange.CONTENT_TYPE) Object contentType,
                             @Header(TIMESTAMP_HEADER) Object timestamp,
                             @Header(SIGNATURE_HEADER) Object signature) {
        ContentTypes.require(RequestHeaders.single(contentType, "Content-Type"), ContentTypes.JSON);
        String sentAtText = RequestHeaders.single(timestamp, TIMESTAMP_HEADER);
        String given = RequestHeaders.single(signature, SIGNATURE_HEADER);
        if (sentAtText == null || given == null) {
            throw WebhookRejectedException.unauthorized("Missing " + TIMESTAMP_HEADER + " or " + SIGNATURE_HEADER);
        }
        Instant sentAt;
        try {
            sentAt = Instant.ofEpochSecond(Long.parseLong(sentAtText.trim()));
        } catch (NumberFormatException | DateTimeException e) {
            // not a time at all: bad input, not a stale request
            throw WebhookRejectedException.badRequest(TIMESTAMP_HEADER + " must be a time in Unix seconds");
        }
        if (Duration.between(sentAt, clock.instant()).abs().compareTo(tolerance) > 0) {
            throw WebhookRejectedException.unauthorized("Timestamp outside the allowed window of " + tolerance.toMinutes() + " minutes");
        }
        if (!HEX_SHA256.matcher(given.trim()).matches()) {
            throw WebhookRejectedException.unauthorized("Invalid " + SIGNATURE_HEADER);
        }
    }

    /** The signature over the raw bytes of the body, as received (headers checked before). */
    public void verify(@Body byte[] body,
                       @Header(TIMESTAMP_HEADER) Object timestamp,
                       @Header(SIGNATURE_HEADER) Object signature) {
        String sentAt = RequestHeaders.single(timestamp, TIMESTAMP_HEADER).trim();
        String given = RequestHeaders.single(signature, SIGNATURE_HEADER).trim();
        given = given.startsWith("sha256=") ? given.substring(7) : given;
        if (secret == null || !MessageDigest.isEqual(sign(sentAt, body),
                given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw WebhookRejectedException.unauthorized("Invalid " + SIGNATURE_HEADER);
        }
    }

    /** The events of a verified body, which must be UTF-8 (RFC 8259). */
    public List<InboundMessage> events(@Body byte[] body) {
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw WebhookRejectedException.badRequest("Body is not UTF-8");
        }
        return relayEvents.parse(json, Provider.GOOGLE_VOICE);
    }

    /** HMAC-SHA256 of {@code timestamp + "." + body}, fed in parts: the body is not copied. */
    private byte[] sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            byte[] digest = mac.doFinal(body);
            return HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
