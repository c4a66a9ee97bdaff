package com.plumbline.intake.ingress;

/**
 * What the tables can hold, checked at ingress: a value that cannot be stored is the caller's
 * mistake (400, nothing stored), not a storage failure to retry (503) nor a message that fails
 * classification until it is parked.
 */
final class IngressLimits {

    /** {@code webhook_event.provider_message_id}, {@code message.provider_message_id}. */
    static final int PROVIDER_ID = 255;
    /** {@code customer.phone_e164}: a number we cannot read is kept as given. */
    static final int NUMBER = 32;
    /** {@code message.call_status}. */
    static final int CALL_STATUS = 20;

    private IngressLimits() {
    }

    static InboundMessage check(InboundMessage message) {
        require(message.providerMessageId(), PROVIDER_ID, "The provider's message id");
        require(message.from(), NUMBER, "From");
        require(message.to(), NUMBER, "To");
        require(message.callId(), PROVIDER_ID, "The call id");
        require(message.callStatus(), CALL_STATUS, "CallStatus");
        return message;
    }

    static String checkId(String id, String name) {
        require(id, PROVIDER_ID, name);
        return id;
    }

    private static void require(String value, int max, String name) {
        if (value != null && value.length() > max) {
            throw WebhookRejectedException.badRequest(name + " is longer than " + max + " characters");
        }
    }
}
