package com.plumbline.intake.conversation;

import com.plumbline.intake.ingress.InboundMessage;
import com.plumbline.intake.rules.Classification;

/**
 * A message after processing: stored in its customer's conversation, with its classification.
 * This is what the priority routes, jobs and notifications work on.
 *
 * @param customerPhone E.164 when {@code phoneValid}, else the number as the provider gave it
 */
public record ThreadedMessage(
        long messageId,
        long conversationId,
        long customerId,
        boolean newConversation,
        String customerPhone,
        boolean phoneValid,
        InboundMessage inbound,
        Classification classification) {
}
