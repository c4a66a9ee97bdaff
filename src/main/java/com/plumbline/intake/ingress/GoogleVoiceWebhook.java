package com.plumbline.intake.ingress;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

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

    public void verify(@Body String body,
                       @Header(Exchange.CONTENT_TYPE) String contentType,
                       @Header(TIMESTAMP_HEADER) String timestamp,
                       @Header(SIGNATURE_HEADER) String signature) {
        ContentTypes.require(contentType, ContentTypes.JSON);
        if (timestamp == null || signature == null) {
            throw WebhookRejectedException.unauthorized("Missing " + TIMESTAMP_HEADER + " or " + SIGNATURE_HEADER);
        }
        Instant sentAt;
        try {
            sentAt = Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
        } catch (NumberFormatException e) {
            throw WebhookRejectedException.unauthorized(TIMESTAMP_HEADER + " must be Unix seconds");
        }
        if (Duration.between(sentAt, clock.instant()).abs().compareTo(tolerance) > 0) {
            throw WebhookRejectedException.unauthorized("Timestamp outside the allowed window of " + tolerance.toMinutes() + " minutes");
        }
        String given = signature.trim().startsWith("sha256=") ? signature.trim().substring(7) : signature.trim();
        if (secret == null || !MessageDigest.isEqual(sign(timestamp.trim() + "." + body),
                given.toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
            throw WebhookRejectedException.unauthorized("Invalid " + SIGNATURE_HEADER);
        }
    }

    public List<InboundMessage> events(@Body String body) {
        return relayEvents.parse(body, Provider.GOOGLE_VOICE);
    }

    private byte[] sign(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
