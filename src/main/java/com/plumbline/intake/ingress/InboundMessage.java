package com.plumbline.intake.ingress;

import java.time.Instant;
import java.util.List;
import java.util.Set;

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
 * @param callId            for a provider's call callback: the call it belongs to (one call, one
 *                          message; each callback updates it), else null
 * @param callStatus        the call's status as the callback gives it (e.g. completed, no-answer), or null
 * @param callDuration      seconds of the call or recording, when the callback gives them
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
        String rawPayload,
        String callId,
        String callStatus,
        Integer callDuration) {

    /** Call statuses that mean nobody answered: a missed call to call back. */
    private static final Set<String> MISSED = Set.of("no-answer", "busy", "failed", "canceled");

    public InboundMessage {
        mediaUrls = mediaUrls == null ? List.of() : List.copyOf(mediaUrls);
        body = body == null ? "" : body;
    }

    /** A message that is its own event (an SMS, a relay event). */
    public InboundMessage(Provider provider, String providerMessageId, Channel channel, String from, String to,
                          String body, List<String> mediaUrls, Instant receivedAt, String rawPayload) {
        this(provider, providerMessageId, channel, from, to, body, mediaUrls, receivedAt, rawPayload, null, null, null);
    }

    /** The id of the message this event is or updates: the call's for a call callback. */
    public String threadKey() {
        return callId == null ? providerMessageId : callId;
    }

    /**
     * Something to classify: every message that is its own event; of a call's callbacks, the one
     * with a transcript and the one saying the call was missed. An answered call's status, or a
     * recording waiting for its transcript, only update the call.
     */
    public boolean classifiable() {
        return callId == null || !body.isBlank() || (callStatus != null && MISSED.contains(callStatus));
    }

    /** The idempotency key: one provider never reuses its own ids, two providers may clash. */
    public String dedupKey() {
        return provider + ":" + providerMessageId;
    }
}
