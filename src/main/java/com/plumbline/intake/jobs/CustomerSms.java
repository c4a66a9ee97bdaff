package com.plumbline.intake.jobs;

import com.plumbline.intake.conversation.OutboundMessages;
import com.twilio.rest.api.v2010.account.Message;
import org.apache.camel.Body;
import org.apache.camel.Variable;
import org.springframework.stereotype.Component;

/**
 * An SMS Twilio accepted for a customer joins the customer's conversation as OUTBOUND, in the same commit as the
 * job that sent it is finished (route finish-job, {@link AiDrafts#approve}): a run that dies before that commit
 * leaves neither, and the job taken over finds its SMS at Twilio unrecorded (outbound.SentSmsLookup) instead of
 * sending it again.
 */
@Component("customerSms")
public class CustomerSms {

    /** The exchange variable holding what a run sent, until the job's finishing commit stores it. */
    public static final String SENT = "customerSmsSent";

    /** What Twilio accepted ({@code sid}) for conversation {@code conversationId}. */
    public record Sent(long conversationId, OutboundMessages.SentBy sentBy, String sid, String from, String to,
                       String text) {
    }

    private final OutboundMessages outbound;

    public CustomerSms(OutboundMessages outbound) {
        this.outbound = outbound;
    }

    /** @return what to store once the job finishes; null when the reply belongs to no conversation */
    public Sent sent(@Variable("reply") AutoReplies.Reply reply, @Body Message message) {
        if (reply.conversationId() == null) {
            return null;
        }
        return new Sent(reply.conversationId(), reply.sentBy() == null ? OutboundMessages.SentBy.STAFF : reply.sentBy(),
                message.getSid(), reply.from(), reply.to(), reply.text());
    }

    /** Joins the caller's transaction: the job's DONE commits with it. */
    public void store(@Variable(SENT) Sent sent) {
        outbound.smsSent(sent.conversationId(), sent.sentBy(), sent.sid(), sent.from(), sent.to(), sent.text());
    }
}
