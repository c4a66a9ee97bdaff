package com.plumbline.intake.notify;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.plumbline.intake.customer.ThreadedMessage;
import com.plumbline.intake.rules.Priority;
import com.plumbline.intake.rules.ServiceType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Unacknowledged emergencies climb the ladder (T1 5 min: manager, T2 15 min: owner, repeated); time is the test clock's. */
class EscalationTest extends NotifyIntegrationTest {

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
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> TWILIO.messagesTo(manager.getPhone()).isEmpty());

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
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> TWILIO.messagesTo(manager.getPhone()).isEmpty() && TWILIO.messagesTo(owner.getPhone()).isEmpty());
        assertThat(jdbc.queryForObject("select status from escalation where message_id = ?", String.class,
                message.messageId())).isEqualTo("ACKED");
    }

    @Test
    void ackTextedBackByTheOnCallPlumberStopsTheLadder() {
        ThreadedMessage message = message("+15125550143", "flooding in the basement", Priority.EMERGENCY,
                ServiceType.LEAK_DETECTION, false);
        notify(message);
        awaitStatus(message.messageId(), NotifyChannel.SMS, "SENT");

        String reply = """
                {"id":"ack-1","type":"sms","from":"(512) 555-0181","to":"+15125550100","text":"ack"}""";
        assertThat(post("/api/webhooks/test", "application/json", reply).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> "ACKED".equals(jdbc.queryForObject(
                "select status from escalation where message_id = ?", String.class, message.messageId())));
        assertThat(status(jdbc.queryForObject("select id from notification where message_id = ?", Long.class,
                message.messageId()))).isEqualTo("ACKED");
        // the reply was not taken for a customer message
        assertThat(jdbc.queryForObject("select count(*) from message", Integer.class)).isEqualTo(1);
    }
}
