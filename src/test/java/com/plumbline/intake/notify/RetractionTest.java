package com.plumbline.intake.notify;

import com.plumbline.intake.staff.StaffRole;
import com.plumbline.intake.staff.StaffMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.plumbline.intake.conversation.Conversations;
import com.plumbline.intake.conversation.CustomerRepository;
import com.plumbline.intake.conversation.ThreadedMessage;
import com.plumbline.intake.ingress.Channel;
import com.plumbline.intake.ingress.InboundMessage;
import com.plumbline.intake.ingress.Provider;
import com.plumbline.intake.rules.Classification;
import com.plumbline.intake.rules.MessageClassifier;
import com.plumbline.intake.rules.Priority;
import com.plumbline.intake.rules.ServiceType;
import com.plumbline.intake.support.TwilioStandIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue #19 item 3: "false alarm" / "we fixed it, cancel" in the same conversation stops the escalation. */
class RetractionTest extends NotifyIntegrationTest {

    private static final String CUSTOMER = "+15125550177";

    @Autowired
    private Conversations conversations;

    @Autowired
    private CustomerRepository customers;

    @Autowired
    private MessageClassifier classifier;

    private StaffMember manager;

    @BeforeEach
    void ladder() {
        staffMember("Sam Ortiz", StaffRole.ON_CALL, null, "+15125550181", List.of(NotifyChannel.SMS),
                List.of(Reachability.BUSINESS_HOURS, Reachability.AFTER_HOURS));
        manager = staffMember("Morgan Lee", StaffRole.MANAGER, "manager@plumbline.test", "+15125550184",
                List.of(NotifyChannel.SMS), List.of(Reachability.BUSINESS_HOURS));
    }

    private ThreadedMessage followUp(String text) {
        InboundMessage inbound = new InboundMessage(Provider.TWILIO, "SM-" + System.nanoTime(), Channel.SMS, CUSTOMER,
                TwilioStandIn.FROM_NUMBER, text, List.of(), CLOCK.instant(), "");
        Classification classification = classifier.classify(text, CLOCK.instant(), 1);
        return conversations.thread(inbound, customers.findValidByPhone(CUSTOMER).orElseThrow(), classification);
    }

    @Test
    void aFalseAlarmLowersTheConversationAndStopsItsEscalation() {
        ThreadedMessage emergency = message(CUSTOMER, "water pouring from the ceiling!!", Priority.EMERGENCY,
                ServiceType.LEAK_DETECTION, false);
        notify(emergency);
        await().atMost(Duration.ofSeconds(20)).until(() -> TWILIO.messagesTo("+15125550181").size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from escalation where message_id = ?", Integer.class, emergency.messageId()) == 1);

        CLOCK.advance(Duration.ofMinutes(2));
        ThreadedMessage retraction = followUp("false alarm, it was just the AC dripping, no need to come");

        assertThat(retraction.classification().retraction()).isTrue();
        assertThat(retraction.conversationId()).isEqualTo(emergency.conversationId());
        Map<String, Object> conversation = jdbc.queryForMap("select * from conversation where id = ?",
                emergency.conversationId());
        assertThat(conversation.get("priority")).isEqualTo("LOW");
        assertThat((String) conversation.get("retraction_reason")).contains("false alarm");
        Map<String, Object> escalation = jdbc.queryForMap("select * from escalation where message_id = ?",
                emergency.messageId());
        assertThat(escalation.get("status")).isEqualTo("STOPPED");
        assertThat((String) escalation.get("stopped_reason")).contains("false alarm");

        CLOCK.advance(Duration.ofMinutes(20));
        // STOPPED: the escalation poller reads only PENDING escalations; it has polled at +20 min
        awaitDeliveriesSettled();
        assertThat(TWILIO.messagesTo(manager.getPhone())).isEmpty();
    }

    @Test
    void aCancelThatStillDescribesDangerDoesNotStopTheEscalation() {
        ThreadedMessage emergency = message(CUSTOMER, "smell gas in the basement", Priority.EMERGENCY,
                ServiceType.MAIN_LINE, false);
        notify(emergency);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from escalation where message_id = ?", Integer.class, emergency.messageId()) == 1);

        ThreadedMessage followUp = followUp("never mind the plumber, water is still pouring out of the wall now");

        assertThat(followUp.classification().retraction()).isFalse();
        assertThat(jdbc.queryForObject("select status from escalation where message_id = ?", String.class,
                emergency.messageId())).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("select needs_review from message where id = ?", Boolean.class,
                followUp.messageId())).isTrue();
        assertThat(jdbc.queryForObject("select priority from conversation where id = ?", String.class,
                emergency.conversationId())).isEqualTo("EMERGENCY");
    }
}
