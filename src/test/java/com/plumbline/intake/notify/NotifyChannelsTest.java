package com.plumbline.intake.notify;

import com.plumbline.intake.staff.StaffRole;
import com.plumbline.intake.staff.StaffMember;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.plumbline.intake.conversation.ThreadedMessage;
import com.plumbline.intake.rules.Priority;
import com.plumbline.intake.rules.ServiceType;
import com.plumbline.intake.support.DashboardSocket;
import com.plumbline.intake.support.TwilioStandIn;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An emergency reaches staff on every channel, through the real peers. */
class NotifyChannelsTest extends NotifyIntegrationTest {

    private static final String CUSTOMER = "+15125550143";

    @Test
    void emergencyIsEmailedTextedAndBroadcastToTheDashboard() throws Exception {
        StaffMember dana = staffMember("Dana Reyes", StaffRole.DISPATCHER, "dana@plumbline.test", "+15125550180",
                List.of(NotifyChannel.EMAIL, NotifyChannel.SMS, NotifyChannel.DASHBOARD), List.of(Reachability.BUSINESS_HOURS));
        ThreadedMessage message = message(CUSTOMER, "HELP basement is flooding, water everywhere",
                Priority.EMERGENCY, ServiceType.LEAK_DETECTION, false);

        try (DashboardSocket dashboard = DashboardSocket.loggedIn(dashboardUrl(), login(ADMIN_USER, ADMIN_PASSWORD))) {
            notify(message);

            await().atMost(Duration.ofSeconds(30)).until(() -> !dashboard.ofType("alert").isEmpty());
            JsonNode event = new ObjectMapper().readTree(dashboard.ofType("alert").get(0));
            assertThat(event.get("type").asText()).isEqualTo("alert");
            assertThat(event.get("messageId").asLong()).isEqualTo(message.messageId());
            assertThat(event.get("priority").asText()).isEqualTo("EMERGENCY");
            assertThat(event.get("serviceType").asText()).isEqualTo("LEAK_DETECTION");
            assertThat(event.get("customer").asText()).isEqualTo("********0143");
            assertThat(event.get("recipients").get(0).get("name").asText()).isEqualTo("Dana Reyes");
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> MAIL.received().length == 1);
        MimeMessage email = MAIL.received()[0];
        assertThat(email.getAllRecipients()[0].toString()).isEqualTo("dana@plumbline.test");
        assertThat(email.getFrom()[0].toString()).isEqualTo("intake@plumbline.test");
        assertThat(email.getSubject()).isEqualTo("[EMERGENCY] LEAK_DETECTION - customer ********0143");
        String body = email.getContent().toString();
        assertThat(body).contains("HELP basement is flooding, water everywhere")
                .contains(PUBLIC_BASE_URL + "/dashboard/customers/" + message.customerId())
                .contains("Respond by: Tue 10 Mar 10:30 CDT");

        await().atMost(Duration.ofSeconds(30)).until(() -> TWILIO.messagesTo(dana.getPhone()).size() == 1);
        Map<String, String> sms = TWILIO.messagesTo(dana.getPhone()).get(0);
        assertThat(sms.get("From")).isEqualTo(TwilioStandIn.FROM_NUMBER);
        assertThat(sms.get("Body")).startsWith("EMERGENCY LEAK_DETECTION from ********0143: \"HELP basement is flooding")
                .contains("Reply ACK");

        awaitStatus(message.messageId(), NotifyChannel.EMAIL, "SENT");
        awaitStatus(message.messageId(), NotifyChannel.SMS, "SENT");
        awaitStatus(message.messageId(), NotifyChannel.DASHBOARD, "SENT");
        List<Map<String, Object>> rows = notifications(message.messageId());
        assertThat(rows).hasSize(3).allSatisfy(n -> assertThat(n.get("sent_at")).isNotNull());
        assertThat(rows).filteredOn(n -> "SMS".equals(n.get("channel")))
                .singleElement().satisfies(n -> assertThat((String) n.get("provider_id")).startsWith("SM"));
        assertThat(rows).filteredOn(n -> "EMAIL".equals(n.get("channel")))
                .singleElement().satisfies(n -> assertThat(n.get("provider_id")).isEqualTo(email.getMessageID()));
    }

    @Test
    void twilioRefusingTheNumberIsAPermanentFailureWithItsReason() {
        String badNumber = "+15125550199";
        TWILIO.rejectMessagesTo(badNumber);
        staffMember("Sam Ortiz", StaffRole.ON_CALL, null, badNumber, List.of(NotifyChannel.SMS),
                List.of(Reachability.BUSINESS_HOURS, Reachability.AFTER_HOURS));
        ThreadedMessage message = message(CUSTOMER, "burst pipe in the garage", Priority.EMERGENCY,
                ServiceType.GENERAL, false);

        notify(message);

        awaitStatus(message.messageId(), NotifyChannel.SMS, "FAILED");
        Map<String, Object> row = notifications(message.messageId()).get(0);
        assertThat((String) row.get("detail")).contains("21211").contains("not a valid phone number")
                .contains("********0199").doesNotContain(badNumber);
        // FAILED is final: the refused delivery was not rolled back, so nothing is redelivered
        awaitDeliveriesSettled();
        assertThat(TWILIO.messagesTo(badNumber)).hasSize(1);
    }

    @Test
    void aStaffSmsThrottledByTwilioWith429IsRetriedAndSentOnce() {
        StaffMember sam = staffMember("Sam Ortiz", StaffRole.ON_CALL, null, "+15125550181", List.of(NotifyChannel.SMS),
                List.of(Reachability.BUSINESS_HOURS, Reachability.AFTER_HOURS));
        // the SDK's own second try is throttled too, so the route sees the 429
        TWILIO.throttleNextMessages(2);
        ThreadedMessage message = message(CUSTOMER, "burst pipe in the garage", Priority.EMERGENCY,
                ServiceType.GENERAL, false);

        notify(message);

        awaitStatus(message.messageId(), NotifyChannel.SMS, "SENT");
        // throttled twice (the SDK's own retry), redelivered by the broker and accepted: sent once,
        // the 429 counted as an attempt
        awaitDeliveriesSettled();
        assertThat(TWILIO.messagesTo(sam.getPhone())).hasSize(3);
        assertThat(notifications(message.messageId())).singleElement()
                .satisfies(n -> assertThat(n.get("attempts")).isEqualTo(2));
    }

    @Test
    void recipientWithoutAnAddressForAChannelIsSkippedWithTheReason() {
        staffMember("Dana Reyes", StaffRole.DISPATCHER, "dana@plumbline.test", null,
                List.of(NotifyChannel.EMAIL), List.of(Reachability.BUSINESS_HOURS));
        ThreadedMessage message = message(CUSTOMER, "water heater not working", Priority.EMERGENCY,
                ServiceType.WATER_HEATER, false);

        notify(message);

        // the rule wants SMS, EMAIL and DASHBOARD; Dana prefers email only, so email it is
        awaitStatus(message.messageId(), NotifyChannel.EMAIL, "SENT");
        assertThat(notifications(message.messageId())).extracting(n -> n.get("channel")).containsExactly("EMAIL");
    }

    @Test
    void aDashboardAlertWithNoDashboardConnectedIsRecordedAsNotSeen() {
        staffMember("Dana Reyes", StaffRole.DISPATCHER, null, null,
                List.of(NotifyChannel.DASHBOARD), List.of(Reachability.BUSINESS_HOURS));
        ThreadedMessage message = message(CUSTOMER, "pipe burst in the laundry room", Priority.EMERGENCY,
                ServiceType.LEAK_DETECTION, false);

        notify(message); // nobody has the dashboard open

        awaitStatus(message.messageId(), NotifyChannel.DASHBOARD, "SKIPPED");
        assertThat(notifications(message.messageId())).singleElement()
                .satisfies(n -> assertThat((String) n.get("detail")).contains("no dashboard was connected"));
    }
}
