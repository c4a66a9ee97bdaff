package com.plumbline.intake.ingress;

import java.time.Instant;
import java.util.List;

/**
 * The one canonical message every provider's webhook becomes. Everything after ingress works on
 * this type only; provider details stay in {@link #rawPayload}.
 *
 * @param provider          who delivered it
 * @param providerMessageId the provider's own id: with the provider, the deduplication key
 * @param channel           SMS, VOICE or VOICEMAIL
 * @param from              the customer's number as the provider gave it (normalised later)
 * @param to                the business number that was called or texted
 * @param body              the text, or the voicemail transcript; may be empty
 * @param mediaUrls         MMS pictures or recordings
 * @param receivedAt        when the provider says it happened (or when we received it)
 * @param rawPayload        the provider's payload as received
 */
public record InboundMessage(
        Provider provider,
        String providerMessageId,
        Channel channel,
        String from,
        String to,
        String body,
        List<String> mediaUrls,
        Instant receivedAt,
        String rawPayload) {

    public InboundMessage {
        mediaUrls = mediaUrls == null ? List.of() : List.copyOf(mediaUrls);
        body = body == null ? "" : body;
    }

    /** The idempotency key: one provider never reuses its own ids, two providers may clash. */
    public String dedupKey() {
        return provider + ":" + providerMessageId;
    }
}
