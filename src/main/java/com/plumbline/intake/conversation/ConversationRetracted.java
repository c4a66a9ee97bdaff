package com.plumbline.intake.conversation;

import java.time.Instant;

/**
 * Published (in the threading transaction) when a customer's message retracts or resolves what
 * the conversation reported: escalations of the conversation's messages stop.
 *
 * @param messageId the retracting message
 * @param reason    why, as recorded on the conversation ("customer retracted: false alarm ...")
 */
public record ConversationRetracted(long conversationId, long messageId, String reason, Instant at) {
}
