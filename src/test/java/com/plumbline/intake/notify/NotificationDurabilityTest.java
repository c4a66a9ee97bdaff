package com.plumbline.intake.notify;

import com.plumbline.intake.staff.StaffRole;
import com.plumbline.intake.staff.StaffMember;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.plumbline.intake.conversation.ThreadedMessage;
import com.plumbline.intake.rules.Priority;
import com.plumbline.intake.rules.ServiceType;
import jakarta.jms.ConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Email and SMS notifications are delivered once, whatever stops in between: the channel route
 * (as in a restart), the SMTP server, the hand-over to the queue, a sender in the middle of a
 * send; and a notification the broker gave up on can be replayed.
 */
class NotificationDurabilityTest extends NotifyIntegrationTest {

    private static final String DANA_PHONE = "+15125550180";
    private static final String DANA_EMAIL = "dana@plumbline.test";

    @Autowired
    CamelContext camel;

    @Autowired
    Notifications notifications;

    @Autowired
    ConnectionFactory connectionFactory;

    @Autowired
    SmsNotifications smsNotifications;

    @Autowired
    EmailNotifications emailNotifications;

    @AfterEach
    void everythingBack() throws Exception {
        MAIL.start();
        camel.getRouteController().startRoute("notify-email");
        camel.getRouteController().startRoute("notify-sms");
    }

    private StaffMember dana() {
        return staffMember("Dana Reyes", StaffRole.DISPATCHER, DANA_EMAIL, DANA_PHONE,
                List.of(NotifyChannel.EMAIL, NotifyChannel.SMS), List.of(Reachability.BUSINESS_HOURS));
    }

    private ThreadedMessage emergency(String text) {
        return message("+15125550143", text, Priority.EMERGENCY, ServiceType.MAIN_LINE, false);
    }

    private long notificationId(long messageId, NotifyChannel channel) {
        return jdbc.queryForObject("select id from notification where message_id = ? and channel = ?", Long.class,
                messageId, channel.name());
    }

    private int queueDepth(String queue) {
        return new JmsTemplate(connectionFactory).browse(queue, (session, browser) -> {
            int n = 0;
            for (var e = browser.getEnumeration(); e.hasMoreElements(); e.nextElement()) {
                n++;
            }
            return n;
        });
    }

    @Test
    void anEmailWaitingOutAnSmtpOutageStaysOnTheBrokerWhileItsConsumerIsStoppedAndIsSentOnceAfter() throws Exception {
        dana();
        ThreadedMessage message = emergency("sewage backing up into the shower");
        MAIL.stop();

        notify(message);
        awaitStatus(message.messageId(), NotifyChannel.SMS, "SENT");
        long email = notificationId(message.messageId(), NotifyChannel.EMAIL);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select attempts from notification where id = ?", Integer.class, email) >= 2);

        // the service stops taking email (as in a restart): the delivery is the broker's, not memory's
        camel.getRouteController().stopRoute("notify-email");
        assertThat(status(email)).isEqualTo("PENDING");
        await().atMost(Duration.ofSeconds(10)).until(() -> queueDepth("notify.email") == 1);
        assertThat(jdbc.queryForObject("select detail from notification where id = ?", String.class, email))
                .contains("Connect");

        MAIL.start();
        NotifyBuilder sent = new NotifyBuilder(camel).fromRoute("notify-email").whenCompleted(1).create();
        camel.getRouteController().startRoute("notify-email");

        assertThat(sent.matches(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        awaitStatus(message.messageId(), NotifyChannel.EMAIL, "SENT");
        awaitDeliveriesSettled();
        assertThat(MAIL.received()).hasSize(1);
        assertThat(TWILIO.messagesTo(DANA_PHONE)).hasSize(1);
        assertThat(queueDepth("notify.email")).isZero();
    }

    @Test
    void notificationsRecordedButNeverQueuedAreQueuedAgainAndSentOnce() {
        dana();
        ThreadedMessage message = emergency("gas smell near the water heater");
        // the service stopped after the rows were committed, before notify-dispatch handed them over
        Dispatch planned = notifications.plan(message);
        assertThat(planned.email()).hasSize(1);
        // a whole poll of the requeue poller since the rows were committed has left them: not old enough yet
        awaitPolls("notify-requeue", 1);
        assertThat(jdbc.queryForObject("select count(*) from notification where message_id = ? and queued_at is null",
                Integer.class, message.messageId())).isEqualTo(2);
        assertThat(TWILIO.messagesTo(DANA_PHONE)).isEmpty();
        assertThat(MAIL.received()).isEmpty();

        CLOCK.advance(Duration.ofSeconds(11)); // older than intake.notify.requeue.after

        awaitStatus(message.messageId(), NotifyChannel.SMS, "SENT");
        awaitStatus(message.messageId(), NotifyChannel.EMAIL, "SENT");
        awaitDeliveriesSettled();
        assertThat(TWILIO.messagesTo(DANA_PHONE)).hasSize(1);
        assertThat(MAIL.received()).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from notification where message_id = ? and queued_at is null",
                Integer.class, message.messageId())).isZero();
    }

    @Test
    void aRedeliveredMessageDispatchesItsNotificationsStillPendingAndNothingSent() {
        dana();
        ThreadedMessage message = emergency("burst pipe in the garage");

        Dispatch first = notifications.plan(message);
        Dispatch redelivered = notifications.plan(message);

        assertThat(redelivered.email()).isEqualTo(first.email());
        assertThat(redelivered.sms()).isEqualTo(first.sms());
        assertThat(jdbc.queryForObject("select count(*) from notification where message_id = ?", Integer.class,
                message.messageId())).isEqualTo(2);

        producer.sendBody("direct:notify-dispatch", redelivered);
        awaitStatus(message.messageId(), NotifyChannel.SMS, "SENT");
        awaitStatus(message.messageId(), NotifyChannel.EMAIL, "SENT");
        assertThat(notifications.plan(message).size()).isZero();
        assertThat(TWILIO.messagesTo(DANA_PHONE)).hasSize(1);
    }

    @Test
    void theSameNotificationQueuedSeveralTimesIsSentOnce() {
        dana();
        ThreadedMessage message = emergency("water pouring through the ceiling");
        notifications.plan(message);
        String sms = Long.toString(notificationId(message.messageId(), NotifyChannel.SMS));

        for (int i = 0; i < 4; i++) {
            producer.sendBodyAndHeader("direct:notify-enqueue", sms, "notifyChannel", "SMS");
        }

        awaitStatus(message.messageId(), NotifyChannel.SMS, "SENT");
        // the other three queue messages are consumed (dropped: the row is SENT) and none waits for a redelivery
        awaitDeliveriesSettled();
        assertThat(TWILIO.messagesTo(DANA_PHONE)).hasSize(1);
    }

    @Test
    void aSenderThatDiedMidSendHoldsTheNotificationOnlyUntilItsClaimRunsOut() {
        dana();
        ThreadedMessage message = emergency("main line backing up");
        notifications.plan(message);
        long sms = notificationId(message.messageId(), NotifyChannel.SMS);
        // a consumer claimed it and died before recording the send; its delivery comes back
        assertThat(notifications.claim(Long.toString(sms), new HashMap<>())).isTrue();
        // not a settled state: the queue message keeps coming back while the claim holds. Its first
        // delivery and a redelivery are refused as busy (the only failures of notify-sms here: rows
        // of earlier tests are gone, so their leftover deliveries complete as "gone")
        NotifyBuilder refusedTwice = new NotifyBuilder(camel).fromRoute("notify-sms").whenFailed(2).create();
        producer.sendBodyAndHeader("direct:notify-enqueue", Long.toString(sms), "notifyChannel", "SMS");

        boolean refused = refusedTwice.matches(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(TWILIO.messagesTo(DANA_PHONE)).isEmpty();
        assertThat(status(sms)).isEqualTo("PENDING");
        assertThat(refused).as("the delivery and a redelivery refused while the claim holds").isTrue();

        jdbc.update("update notification set claimed_until = now() - interval '1 second' where id = ?", sms);

        awaitStatus(message.messageId(), NotifyChannel.SMS, "SENT");
        awaitDeliveriesSettled();
        assertThat(TWILIO.messagesTo(DANA_PHONE)).hasSize(1);
    }

    @Test
    void anSmsTwilioTookBeforeItsSenderDiedIsNotSentAgainAfterTheClaimRunsOut() {
        dana();
        ThreadedMessage message = emergency("water heater hissing, smells like gas");
        notifications.plan(message);
        long sms = notificationId(message.messageId(), NotifyChannel.SMS);
        // a consumer claimed it, Twilio took the SMS, and the consumer died before recording it
        assertThat(notifications.claim(Long.toString(sms), new HashMap<>())).isTrue();
        producer.sendBody("direct:send-sms", smsNotifications.compose(Long.toString(sms)));
        assertThat(TWILIO.messagesTo(DANA_PHONE)).hasSize(1);
        String sid = TWILIO.accepted().get(TWILIO.accepted().size() - 1).sid();
        producer.sendBodyAndHeader("direct:notify-enqueue", Long.toString(sms), "notifyChannel", "SMS");

        jdbc.update("update notification set claimed_until = now() - interval '1 second' where id = ?", sms);

        awaitStatus(message.messageId(), NotifyChannel.SMS, "SENT");
        assertThat(jdbc.queryForObject("select provider_id from notification where id = ?", String.class, sms))
                .as("the SMS Twilio already had").isEqualTo(sid);
        awaitDeliveriesSettled();
        assertThat(TWILIO.messagesTo(DANA_PHONE)).hasSize(1);
    }

    @Test
    void anEmailSentAgainAfterItsSenderDiedCarriesTheSameMessageId() throws Exception {
        dana();
        ThreadedMessage message = emergency("toilet overflowing onto the kitchen ceiling");
        notifications.plan(message);
        long email = notificationId(message.messageId(), NotifyChannel.EMAIL);
        // a consumer claimed it, the SMTP server took the email, and the consumer died before recording it
        assertThat(notifications.claim(Long.toString(email), new HashMap<>())).isTrue();
        producer.sendBody("direct:send-email", emailNotifications.compose(Long.toString(email)));
        producer.sendBodyAndHeader("direct:notify-enqueue", Long.toString(email), "notifyChannel", "EMAIL");

        jdbc.update("update notification set claimed_until = now() - interval '1 second' where id = ?", email);

        awaitStatus(message.messageId(), NotifyChannel.EMAIL, "SENT");
        await().atMost(Duration.ofSeconds(10)).until(() -> MAIL.received().length == 2);
        String recorded = jdbc.queryForObject("select provider_id from notification where id = ?", String.class, email);
        // SMTP cannot say whether it took the first: the copy is the same message to mail clients
        assertThat(recorded).matches("<notification-" + email + "\\.\\d+@.+>");
        assertThat(MAIL.received()).extracting(jakarta.mail.internet.MimeMessage::getMessageID)
                .containsExactly(recorded, recorded);
    }

    @Test
    void aNotificationTheBrokerGaveUpOnIsFailedWithADeadLetterAndReplayedOnce() {
        dana();
        ThreadedMessage message = emergency("no water anywhere in the house");
        notifications.plan(message);
        long sms = notificationId(message.messageId(), NotifyChannel.SMS);
        notifications.release(Long.toString(sms), "Twilio 503 code null: Service Unavailable");
        NotifyBuilder recorded = new NotifyBuilder(camel).fromRoute("notify-dead-letters").whenCompleted(1).create();

        // what Artemis does after the last redelivery
        producer.sendBody("jms:queue:notify.dead", Long.toString(sms));

        assertThat(recorded.matches(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(status(sms)).isEqualTo("FAILED");
        Map<String, Object> deadLetter = jdbc.queryForMap("select * from dead_letter where notification_id = ?", sms);
        assertThat(deadLetter.get("job_type")).isEqualTo("NOTIFY_SMS");
        assertThat((String) deadLetter.get("exception_message")).contains("no delivery after 1 attempt(s)")
                .contains("Twilio 503");
        assertThat(TWILIO.messagesTo(DANA_PHONE)).isEmpty();

        var admin = asAdmin();
        long deadLetterId = ((Number) deadLetter.get("id")).longValue();
        assertThat(admin.post("/api/dead-letters/" + deadLetterId + "/replay", "application/json", "").statusCode())
                .isEqualTo(202);
        assertThat(admin.post("/api/dead-letters/" + deadLetterId + "/replay", "application/json", "").statusCode())
                .isEqualTo(409);

        awaitStatus(message.messageId(), NotifyChannel.SMS, "SENT");
        awaitDeliveriesSettled();
        assertThat(TWILIO.messagesTo(DANA_PHONE)).hasSize(1);
    }
}
