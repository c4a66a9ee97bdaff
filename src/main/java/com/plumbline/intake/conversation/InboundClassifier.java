package com.plumbline.intake.conversation;

import java.time.Instant;

import com.plumbline.intake.ingress.InboundMessage;
import com.plumbline.intake.rules.Classification;
import com.plumbline.intake.rules.MessageClassifier;
import org.apache.camel.Body;
import org.apache.camel.Variable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Classifies a message in its customer's context: the rules bean needs to know how many messages
 * the same customer sent in the last minutes, since repeated messages raise urgency.
 */
@Component("inboundClassifier")
public class InboundClassifier {

    private final MessageClassifier classifier;
    private final ConversationMessageRepository messages;
    private final CustomerProperties properties;

    public InboundClassifier(MessageClassifier classifier, ConversationMessageRepository messages,
                             CustomerProperties properties) {
        this.classifier = classifier;
        this.messages = messages;
        this.properties = properties;
    }

    /**
     * The JMS priority a message enters {@code intake.inbound} with. The text alone decides (the
     * customer's context is read later, by {@link #classify}): it takes microseconds, and it lets an
     * emergency overtake every ordinary message already waiting, from the first queue on.
     */
    public int queuePriority(@Body InboundMessage message) {
        return classifier.classify(message.body(), message.receivedAt(), 0).priority().jmsPriority();
    }

    @Transactional(readOnly = true)
    public Classification classify(@Body InboundMessage message, @Variable("customer") Customer customer) {
        Instant at = message.receivedAt();
        int recent = messages.countInboundFrom(customer, at.minus(properties.repeatWindow()), at);
        return classifier.classify(message.body(), at, recent);
    }
}
