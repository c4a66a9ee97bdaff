package com.plumbline.intake.conversation;

import java.util.Arrays;
import java.util.List;

import com.plumbline.intake.ingress.InboundMessage;
import com.plumbline.intake.rules.Classification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Rebuilds a stored message as the {@link ThreadedMessage} later stages work on. */
@Component("threadedMessages")
public class ThreadedMessages {

    private final ConversationMessageRepository messages;

    public ThreadedMessages(ConversationMessageRepository messages) {
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    public ThreadedMessage find(long messageId) {
        ConversationMessage row = messages.findById(messageId)
                .orElseThrow(() -> new IllegalArgumentException("No message " + messageId));
        Conversation conversation = row.getConversation();
        Customer customer = conversation.getCustomer();
        InboundMessage inbound = new InboundMessage(row.getProvider(), row.getProviderMessageId(), row.getChannel(),
                row.getFrom(), row.getTo(), row.getBody(), split(row.getMediaUrls(), "\n"), row.getReceivedAt(), "");
        Classification classification = new Classification(row.getPriority(), row.getServiceType(),
                split(row.getMatchedKeywords(), ","), row.getSentiment(), row.getUrgency(), row.isAfterHours(),
                row.getConfidence(), row.getResponseDue(), row.getLanguage(), row.isNeedsReview(), row.getReviewReason(),
                row.isRetraction());
        return new ThreadedMessage(row.getId(), conversation.getId(), customer.getId(), false,
                customer.getPhone(), customer.isPhoneValid(), inbound, classification);
    }

    private static List<String> split(String joined, String separator) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(separator));
    }
}
