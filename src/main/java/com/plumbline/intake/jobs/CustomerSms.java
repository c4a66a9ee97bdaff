package com.plumbline.intake.jobs;

import com.plumbline.intake.conversation.OutboundMessages;
import com.twilio.rest.api.v2010.account.Message;
import org.apache.camel.Body;
import org.apache.camel.Variable;
import org.springframework.stereotype.Component;

/** After Twilio accepted an SMS to a customer: it joins the customer's conversation as OUTBOUND. */
@Component("customerSms")
public class CustomerSms {

    private final OutboundMessages outbound;

    public CustomerSms(OutboundMessages outbound) {
        this.outbound = outbound;
    }

    public void sent(@Variable("reply") AutoReplies.Reply reply, @Body Message message) {
        if (reply.conversationId() != null) {
            outbound.smsSent(reply.conversationId(),
                    reply.sentBy() == null ? OutboundMessages.SentBy.STAFF : reply.sentBy(),
                    message.getSid(), reply.from(), reply.to(), reply.text());
        }
    }
}
