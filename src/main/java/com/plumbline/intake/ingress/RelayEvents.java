package com.plumbline.intake.ingress;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * Reads our Google Voice relay format (README, "Google Voice relay events"): one event object or
 * an array of them, each
 * {@code {"id","type":"sms|voicemail|missed_call","from","to","text"|"transcript","occurredAt","mediaUrls"}}.
 */
@Component
public class RelayEvents {

    private final ObjectMapper mapper;
    private final int maxBatch;

    public RelayEvents(ObjectMapper mapper, IngressProperties properties) {
        this.mapper = mapper;
        this.maxBatch = properties.googleVoice() == null ? IngressProperties.GoogleVoice.DEFAULT_MAX_BATCH
                : properties.googleVoice().maxBatch();
    }

    /**
     * @throws WebhookRejectedException 400 naming the first problem found (in words of ours, never
     *                                  the caller's), 413 for a batch of more than {@code max-batch} events
     */
    public List<InboundMessage> parse(String json, Provider provider) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (IOException e) {
            throw WebhookRejectedException.badRequest("Body is not valid JSON");
        }
        if (root == null || !(root.isObject() || root.isArray())) {
            throw WebhookRejectedException.badRequest("Expected a relay event object or an array of them");
        }
        if (root.isArray() && root.size() > maxBatch) {
            throw WebhookRejectedException.payloadTooLarge("More than " + maxBatch + " events in one batch");
        }
        List<InboundMessage> messages = new ArrayList<>();
        for (JsonNode event : root.isArray() ? root : List.of(root)) {
            messages.add(toMessage(event, provider));
        }
        if (messages.isEmpty()) {
            throw WebhookRejectedException.badRequest("Empty batch");
        }
        return messages;
    }

    /**
     * Relay events delivered by Pub/Sub (push or pull). Data that is not a relay event is not the
     * caller's mistake to fix but a poison message, to be stored as REJECTED and acknowledged.
     */
    public List<InboundMessage> fromPubSub(String data, String messageId, String rawPayload) {
        try {
            return parse(data, Provider.PUBSUB);
        } catch (WebhookRejectedException e) {
            throw new PoisonMessageException(Provider.PUBSUB, messageId, e.getMessage(), rawPayload);
        }
    }

    private InboundMessage toMessage(JsonNode event, Provider provider) {
        if (!event.isObject()) {
            throw WebhookRejectedException.badRequest("Each relay event must be a JSON object");
        }
        String id = required(event, "id");
        Channel channel = switch (required(event, "type")) {
            case "sms" -> Channel.SMS;
            case "voicemail" -> Channel.VOICEMAIL;
            case "missed_call" -> Channel.VOICE;
            default -> throw WebhookRejectedException.badRequest("Relay event type must be sms, voicemail or missed_call");
        };
        String from = required(event, "from");
        String body = channel == Channel.VOICEMAIL ? text(event, "transcript", "text") : text(event, "text", "transcript");
        List<String> media = new ArrayList<>();
        event.path("mediaUrls").forEach(url -> media.add(url.asText()));
        return IngressLimits.check(new InboundMessage(provider, id, channel, from, text(event, "to"), body, media,
                occurredAt(event), event.toString()));
    }

    private static Instant occurredAt(JsonNode event) {
        String value = text(event, "occurredAt");
        if (value == null) {
            return Instant.now();
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw WebhookRejectedException.badRequest("Relay event occurredAt must be an ISO-8601 instant");
        }
    }

    private static String required(JsonNode event, String field) {
        String value = text(event, field);
        if (value == null || value.isBlank()) {
            throw WebhookRejectedException.badRequest("Relay event is missing '" + field + "'");
        }
        return value;
    }

    private static String text(JsonNode event, String... fields) {
        for (String field : fields) {
            JsonNode node = event.get(field);
            if (node != null && node.isValueNode() && !node.isNull()) {
                return node.asText();
            }
        }
        return null;
    }
}
