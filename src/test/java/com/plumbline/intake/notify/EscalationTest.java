package com.plumbline.intake.notify;

import com.plumbline.intake.staff.StaffRole;
import com.plumbline.intake.staff.StaffMember;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.plumbline.intake.conversation.ThreadedMessage;
import com.plumbline.intake.rules.Priority;
import com.plumbline.intake.rules.ServiceType;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Unacknowledged emergencies climb the ladder (T1 5 min: manager, T2 15 min: owner, repeated); time is the test clock's. */
class EscalationTest extends NotifyIntegrationTest {

    @Autowired
    CamelContext camel;

    private StaffMember manager;
    private StaffMember owner;

    @BeforeEach
    void ladder() {
        staffMember("Sam Ortiz", StaffRole.ON_CALL, null, "+15125550181", List.of(NotifyChannel.SMS),
                List.of(Reachability.BUSINESS_HOURS, Reachability.AFTER_HOURS));
        manager = staffMember("Morgan Lee", StaffRole.MANAGER, "manager@plumbline.test", "+15125550184",
                List.of(NotifyChannel.SMS, NotifyChannel.EMAIL), List.of(Reachability.BUSINESS_HOURS));
        owner = staffMember("Pat Owner", StaffRole.OWNER, "owner@plumbline.test", "+15125550185",
                List.of(NotifyChannel.SMS, NotifyChannel.EMAIL), List.of(Reachability.BUSINESS_HOURS));
    }

    @Test
    void unacknowledgedEmergencyGoesToTheManagerAfterT1AndToTheOwnerAfterT2() throws Exception {
        ThreadedMessage message = message("+15125550143", "gas leak in the kitchen", Priority.EMERGENCY,
                ServiceType.MAIN_LINE, false);
        notify(message);
        await().atMost(Duration.ofSeconds(20)).until(() -> TWILIO.messagesTo("+15125550181").size() == 1);

        CLOCK.advance(Duration.ofMinutes(4));
        // the escalation is PENDING but not due before T1: the poller has looked at it at +4 min and left it
        awaitDeliveriesSettled();
        assertThat(TWILIO.messagesTo(manager.getPhone())).isEmpty();
        assertThat(MAIL.received()).isEmpty();

        CLOCK.advance(Duration.ofMinutes(2));
        await().atMost(Duration.ofSeconds(20)).until(() -> TWILIO.messagesTo(manager.getPhone()).size() == 1
                && MAIL.received().length == 1);
        assertThat(TWILIO.messagesTo(manager.getPhone()).get(0).get("Body")).startsWith("ESCALATED EMERGENCY");
        assertThat(MAIL.received()[0].getAllRecipients()[0].toString()).isEqualTo("manager@plumbline.test");
        assertThat(TWILIO.messagesTo(owner.getPhone())).isEmpty();

        CLOCK.advance(Duration.ofMinutes(10));
        await().atMost(Duration.ofSeconds(20)).until(() -> TWILIO.messagesTo(owner.getPhone()).size() == 1);
        CLOCK.advance(Duration.ofMinutes(15));
        await().atMost(Duration.ofSeconds(20)).until(() -> TWILIO.messagesTo(owner.getPhone()).size() == 2);

        // the rung's SMS can leave before the poller's transaction that moved the tier has committed
        await().atMost(Duration.ofSeconds(10)).until(() -> Integer.valueOf(3).equals(jdbc.queryForObject(
                "select tier from escalation where message_id = ?", Integer.class, message.messageId())));
        Map<String, Object> escalation = jdbc.queryForMap("select * from escalation where message_id = ?",
                message.messageId());
        assertThat(escalation.get("status")).isEqualTo("PENDING");
        assertThat(escalation.get("tier")).isEqualTo(3);
        assertThat(TWILIO.messagesTo(manager.getPhone())).hasSize(1);
    }

    @Test
    void acknowledgedEmergencyDoesNotEscalate() {
        ThreadedMessage message = message("+15125550143", "pipe burst, water everywhere", Priority.EMERGENCY,
                ServiceType.LEAK_DETECTION, false);
        notify(message);
        awaitStatus(message.messageId(), NotifyChannel.SMS, "SENT");
        long id = jdbc.queryForObject("select id from notification where message_id = ?", Long.class,
                message.messageId());

        var answer = asAdmin().post("/api/notifications/" + id + "/ack", "application/json", "");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"status\":\"ACKED\"");

        CLOCK.advance(Duration.ofMinutes(20));
        // ACKED: the escalation poller reads only PENDING escalations; it has polled at +20 min
        awaitDeliveriesSettled();
        assertThat(TWILIO.messagesTo(manager.getPhone())).isEmpty();
        assertThat(TWILIO.messagesTo(owner.getPhone())).isEmpty();
        assertThat(jdbc.queryForObject("select status from escalation where message_id = ?", String.class,
                message.messageId())).isEqualTo("ACKED");
    }

    @Test
    void ackWithTheCodeTextedBackByTheOnCallPlumberStopsTheLadder() {
        ThreadedMessage message = message("+15125550143", "flooding in the basement", Priority.EMERGENCY,
                ServiceType.LEAK_DETECTION, false);
        notify(message);
        awaitStatus(message.messageId(), NotifyChannel.SMS, "SENT");
        String code = ackCode(message.messageId());
        assertThat(TWILIO.messagesTo("+15125550181").get(0).get("Body")).contains("Reply ACK " + code);

        assertThat(staffSays("ack-1", "sms", "(512) 555-0181", "ack " + code + " on my way")).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> "ACKED".equals(escalationStatus(message.messageId())));
        assertThat(status(jdbc.queryForObject("select id from notification where message_id = ?", Long.class,
                message.messageId()))).isEqualTo("ACKED");
        // the reply was not taken for a customer message
        assertThat(jdbc.queryForObject("select count(*) from message", Integer.class)).isEqualTo(1);
    }

    @Test
    void aVoicemailFromAStaffNumberSayingAckStopsNothing() {
        ThreadedMessage message = message("+15125550143", "gas smell in the basement", Priority.EMERGENCY,
                ServiceType.MAIN_LINE, false);
        notify(message);
        awaitStatus(message.messageId(), NotifyChannel.SMS, "SENT");
        String code = ackCode(message.messageId());

        // caller ID is easily spoofed: even with the right code, a voicemail is no acknowledgement
        assertThat(staffSays("vm-1", "voicemail", "+15125550181", "ACK " + code)).isEqualTo(200);
        // nor is an SMS without the code, or with another one
        assertThat(staffSays("ack-2", "sms", "+15125550181", "ACK")).isEqualTo(200);
        assertThat(staffSays("ack-3", "sms", "+15125550181", "ACK " + (code.equals("000000") ? "000001" : "000000")))
                .isEqualTo(200);

        CLOCK.advance(Duration.ofMinutes(6));
        await().atMost(Duration.ofSeconds(20)).until(() -> TWILIO.messagesTo(manager.getPhone()).size() == 1);
        assertThat(escalationStatus(message.messageId())).isEqualTo("PENDING");
        assertThat(notifications(message.messageId())).noneSatisfy(n -> assertThat(n.get("status")).isEqualTo("ACKED"));
    }

    private String ackCode(long messageId) {
        return jdbc.queryForObject("select ack_code from notification where message_id = ? and channel = 'SMS'",
                String.class, messageId);
    }

    private String escalationStatus(long messageId) {
        return jdbc.queryForObject("select status from escalation where message_id = ?", String.class, messageId);
    }

    /** A message from a staff number through the test webhook (sms or voicemail), as the relay would post it. */
    private int staffSays(String id, String type, String from, String text) {
        String field = "voicemail".equals(type) ? "transcript" : "text";
        String event = """
                {"id":"%s","type":"%s","from":"%s","to":"+15125550100","%s":"%s"}""".formatted(id, type, from, field, text);
        NotifyBuilder handled = new NotifyBuilder(camel).fromRoute("classify").whenDone(1).create();
        int status = post("/api/webhooks/test", "application/json", event).statusCode();
        // classify has taken it (a staff reply stores no message row to wait for)
        assertThat(handled.matches(20, TimeUnit.SECONDS)).isTrue();
        return status;
    }
}
