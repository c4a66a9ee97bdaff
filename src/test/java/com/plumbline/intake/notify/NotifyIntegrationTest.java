package com.plumbline.intake.notify;

import com.plumbline.intake.staff.StaffRole;
import com.plumbline.intake.staff.StaffMember;
import com.plumbline.intake.staff.StaffInput;
import com.plumbline.intake.staff.StaffDirectory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.plumbline.intake.conversation.ThreadedMessage;
import com.plumbline.intake.ingress.Channel;
import com.plumbline.intake.ingress.InboundMessage;
import com.plumbline.intake.ingress.Provider;
import com.plumbline.intake.rules.Classification;
import com.plumbline.intake.rules.Priority;
import com.plumbline.intake.rules.ServiceType;
import com.plumbline.intake.support.IntakeIntegrationTest;
import com.plumbline.intake.support.MailStandIn;
import com.plumbline.intake.support.MutableClock;
import com.plumbline.intake.support.TwilioStandIn;
import com.twilio.http.TwilioRestClient;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * The whole service with its notification peers: GreenMail for SMTP, WireMock for Twilio, a
 * real WebSocket client for the dashboard, and a clock the tests move. One context for every
 * notification test.
 */
@Import(NotifyIntegrationTest.Peers.class)
public abstract class NotifyIntegrationTest extends IntakeIntegrationTest {

    /** Tuesday 10 March 2026, 10:00 in Chicago: business hours. */
    protected static final Instant TUESDAY_MORNING = Instant.parse("2026-03-10T15:00:00Z");

    protected static final MailStandIn MAIL = new MailStandIn();
    protected static final TwilioStandIn TWILIO = new TwilioStandIn();
    protected static final MutableClock CLOCK = new MutableClock(TUESDAY_MORNING);

    @TestConfiguration
    static class Peers {
        @Bean
        @Primary
        MutableClock testClock() {
            return CLOCK;
        }

        @Bean
        TwilioRestClient twilioRestClient() {
            return TWILIO.restClient(TwilioStandIn.ACCOUNT_SID, IntakeIntegrationTest.TWILIO_TOKEN);
        }
    }

    @DynamicPropertySource
    static void notificationPeers(DynamicPropertyRegistry registry) {
        registry.add("intake.processing.auto-startup", () -> "true");
        registry.add("intake.notify.email.host", () -> "127.0.0.1");
        registry.add("intake.notify.email.port", MAIL::port);
        registry.add("intake.notify.email.from", () -> "intake@plumbline.test");
        // GreenMail on loopback speaks plain SMTP
        registry.add("intake.notify.email.require-starttls", () -> "false");
        registry.add("intake.notify.sms.account-sid", () -> TwilioStandIn.ACCOUNT_SID);
        registry.add("intake.notify.sms.auth-token", () -> IntakeIntegrationTest.TWILIO_TOKEN);
        registry.add("intake.notify.sms.from-number", () -> TwilioStandIn.FROM_NUMBER);
        registry.add("intake.notify.public-base-url", () -> PUBLIC_BASE_URL);
        // broker redelivery of email and SMS: quick, and long enough to outlast an outage in a test
        registry.add("intake.notify.retry.delay-ms", () -> "200");
        registry.add("intake.notify.retry.backoff", () -> "1.5");
        registry.add("intake.notify.retry.max-delay-ms", () -> "1000");
        registry.add("intake.notify.retry.max-deliveries", () -> "60");
        registry.add("intake.notify.requeue.poll-delay", () -> "300");
        registry.add("intake.notify.escalation.poll-delay", () -> "300");
    }

    @Autowired
    protected ProducerTemplate producer;

    @Autowired
    protected StaffDirectory staff;

    @Value("${intake.ws.port}")
    private int wsPort;

    @BeforeEach
    void cleanNotificationState() {
        deleteStaffLogins();
        jdbc.update("delete from staff_member"); // the base class emptied the notifications first
        CLOCK.set(TUESDAY_MORNING);
        MAIL.start();
        MAIL.clear();
        TWILIO.acceptMessages();
    }

    /**
     * Here the requeue and escalation pollers poll every 300 ms: a settled state waits for a whole
     * poll of each, so one that read a row before it settled (or an escalation that came due when
     * the test moved the clock) has had its turn before the test counts what was sent.
     */
    @Override
    protected List<String> pollersThatCouldAct() {
        return List.of("notify-requeue", "escalation");
    }

    protected String dashboardUrl() {
        return "ws://127.0.0.1:" + wsPort + "/ws/dashboard";
    }

    protected StaffMember staffMember(String name, StaffRole role, String email, String phone,
                                      List<NotifyChannel> channels, List<Reachability> reachable,
                                      ServiceType... skills) {
        return staff.create(new StaffInput(name, role, email, phone, channels, reachable, List.of(skills), true));
    }

    /** A stored customer message (customer, conversation, message rows) as the classify route passes it on. */
    protected ThreadedMessage message(String from, String text, Priority priority, ServiceType type,
                                      boolean afterHours) {
        Instant received = CLOCK.instant();
        Instant due = received.plus(Duration.ofMinutes(30));
        long customerId = jdbc.queryForObject("insert into customer (phone_e164, phone_valid, last_seen_at) "
                + "values (?, true, ?) returning id", Long.class, from, Timestamp.from(received));
        long conversationId = jdbc.queryForObject("insert into conversation (customer_id, status, priority, "
                + "service_type, opened_at, last_message_at, closes_at) values (?, 'OPEN', ?, ?, ?, ?, ?) returning id",
                Long.class, customerId, priority.name(), type.name(), Timestamp.from(received),
                Timestamp.from(received), Timestamp.from(received.plus(Duration.ofHours(24))));
        String providerId = "SM-" + System.nanoTime();
        long messageId = jdbc.queryForObject("insert into message (conversation_id, provider, provider_message_id, "
                + "channel, direction, from_number, to_number, body, priority, service_type, after_hours, "
                + "response_due, received_at) values (?, 'TWILIO', ?, 'SMS', 'INBOUND', ?, ?, ?, ?, ?, ?, ?, ?) "
                + "returning id", Long.class, conversationId, providerId, from, TwilioStandIn.FROM_NUMBER, text,
                priority.name(), type.name(), afterHours, Timestamp.from(due), Timestamp.from(received));
        InboundMessage inbound = new InboundMessage(Provider.TWILIO, providerId, Channel.SMS, from,
                TwilioStandIn.FROM_NUMBER, text, List.of(), received, "");
        Classification classification = new Classification(priority, type, List.of(), -0.5, 0.5, afterHours, 0.9,
                due, "en");
        return new ThreadedMessage(messageId, conversationId, customerId, true, from, true, inbound, classification);
    }

    protected void notify(ThreadedMessage message) {
        producer.sendBodyAndHeaders("direct:notify", message, Map.of(
                "priority", message.classification().priority().name(),
                "serviceType", message.classification().serviceType().name(),
                "channel", message.inbound().channel().name()));
    }

    protected List<Map<String, Object>> notifications(long messageId) {
        return jdbc.queryForList("select n.*, s.name from notification n join staff_member s on s.id = n.staff_member_id"
                + " where n.message_id = ? order by n.id", messageId);
    }

    protected String status(long notificationId) {
        return jdbc.queryForObject("select status from notification where id = ?", String.class, notificationId);
    }

    protected void awaitStatus(long messageId, NotifyChannel channel, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Map<String, Object>> rows = notifications(messageId).stream()
                    .filter(n -> channel.name().equals(n.get("channel"))).toList();
            return !rows.isEmpty() && rows.stream().allMatch(n -> status.equals(n.get("status")));
        });
    }
}
