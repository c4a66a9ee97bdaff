package com.plumbline.intake.outbound;

import java.time.Duration;
import java.time.Instant;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import org.apache.camel.Body;
import org.apache.camel.CamelContext;
import org.apache.camel.Header;
import org.apache.camel.component.twilio.TwilioComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Asks Twilio whether it already has an SMS that an earlier sender may have sent before it died
 * (between Twilio's answer and the commit that records it): Twilio's Messages list, filtered by
 * To and From, newest first, page after page back to {@code since}; the match is the same text, under a sid that
 * nothing records yet: neither a customer's conversation (a job stores its SMS there in the commit that finishes it)
 * nor a notification (a staff SMS names its notification's ACK code, but two auto-replies to one customer may read
 * alike). Not filtered by DateSent: a message Twilio has only queued has none yet.
 */
@Component("sentSmsLookup")
public class SentSmsLookup {

    /** The header that puts an SMS in doubt: an earlier try may have reached Twilio since this time (an Instant). */
    public static final String IN_DOUBT_SINCE = "smsInDoubtSince";

    private static final Logger LOG = LoggerFactory.getLogger(SentSmsLookup.class);
    /** Twilio's clock against ours. */
    private static final Duration SKEW = Duration.ofMinutes(5);
    /** Twilio's largest page: a busy staff phone gets many texts while a claim runs out. */
    private static final long PAGE_SIZE = 1000;

    private final CamelContext camel;
    private final JdbcTemplate jdbc;

    public SentSmsLookup(CamelContext camel, JdbcTemplate jdbc) {
        this.camel = camel;
        this.jdbc = jdbc;
    }

    /** The message Twilio already has, or null: then it is sent. */
    public Message find(@Body OutboundSms sms, @Header("smsInDoubtSince") Instant since) {
        // the client camel-twilio sends with (the TWILIO_API_URL one when set)
        TwilioRestClient client = camel.getComponent("twilio", TwilioComponent.class).getRestClient();
        Instant earliest = since.minus(SKEW);
        Message found = null;
        // the ResourceSet reads the next page when this one is done; newest first, so older ones end the search
        for (Message message : Message.reader().setTo(sms.to()).setFrom(sms.from()).setPageSize(PAGE_SIZE).read(client)) {
            if (message.getDateCreated() != null && message.getDateCreated().toInstant().isBefore(earliest)) {
                break;
            }
            if (sms.text().equals(message.getBody()) && !recorded(message.getSid())) {
                found = message; // the last match is the earliest, the one sent first
            }
        }
        LOG.info("SMS in doubt (an earlier try ended without an answer): Twilio {} it ({}); {}", found == null ? "does not have" : "has",
                found == null ? "-" : found.getSid(), found == null ? "sending it" : "not sent again");
        return found;
    }

    /** The sid is an OUTBOUND message of a conversation or a notification's. */
    private boolean recorded(String sid) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from message where provider = 'TWILIO' and provider_message_id = ? and direction = 'OUTBOUND')
                    or exists (select 1 from notification where provider_id = ?)""", Boolean.class, sid, sid));
    }
}
