package com.plumbline.intake.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.plumbline.intake.notify.NotifyChannel;
import com.plumbline.intake.notify.NotifyIntegrationTest;
import com.plumbline.intake.notify.Reachability;
import com.plumbline.intake.staff.StaffRole;
import com.plumbline.intake.support.TwilioSigner;
import com.plumbline.intake.support.TwilioStandIn;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One webhook's processing, from the HTTP request over intake.inbound to the staff SMS, logs at
 * INFO under one request id (Camel's breadcrumb in the MDC, printed as {@code [id]}), with phone
 * numbers masked and the message body absent.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestIdLoggingTest extends NotifyIntegrationTest {

    private static final String CUSTOMER = "+15125550177";
    private static final String STAFF_PHONE = "+15125550188";
    private static final String TEXT = "Burst pipe under the kitchen sink, water everywhere, please hurry";
    private static final String REQUEST_ID = "camel.breadcrumbId";
    private static final String FORGED_ID = "forged-request-id";

    /** Keeps each event with its MDC and thread as they were when it was logged. */
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            super.append(event);
        }
    };
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    /** A sent notification is logged at DEBUG (one line per notice costs a busy drain); it carries the id too. */
    private final Logger notifications = (Logger) LoggerFactory.getLogger(com.plumbline.intake.notify.Notifications.class);

    /** The ids of the exchanges the webhook request started, its own first (Camel makes the request id from it). */
    private final List<String> webhookExchanges = new CopyOnWriteArrayList<>();
    private final EventNotifierSupport webhookRequests = new EventNotifierSupport() {
        @Override
        public void notify(CamelEvent event) {
            if (event instanceof CamelEvent.ExchangeCreatedEvent created && created.getExchange().getFromEndpoint() != null
                    && created.getExchange().getFromEndpoint().getEndpointUri().startsWith("platform-http:")) {
                webhookExchanges.add(created.getExchange().getExchangeId());
            }
        }
    };

    @BeforeEach
    void captureLogs() throws Exception {
        captured.start();
        root.addAppender(captured);
        notifications.setLevel(Level.DEBUG);
        webhookRequests.start();
        camel.getManagementStrategy().addEventNotifier(webhookRequests);
    }

    @AfterEach
    void stopCapturing() {
        camel.getManagementStrategy().removeEventNotifier(webhookRequests);
        root.detachAppender(captured);
        captured.stop();
        notifications.setLevel(null);
    }

    @Test
    void oneWebhooksLogLinesShareARequestIdWithNumbersMaskedAndNoBody(CapturedOutput output) {
        staffMember("Dana Reyes", StaffRole.DISPATCHER, "dana@plumbline.test", STAFF_PHONE,
                List.of(NotifyChannel.SMS), List.of(Reachability.values())); // whenever the webhook comes
        Map<String, String> sms = new LinkedHashMap<>();
        sms.put("MessageSid", "SM-request-id-1");
        sms.put("AccountSid", TwilioStandIn.ACCOUNT_SID);
        sms.put("From", CUSTOMER);
        sms.put("To", TwilioStandIn.FROM_NUMBER);
        sms.put("Body", TEXT);
        sms.put("NumMedia", "0");
        String path = "/api/webhooks/twilio/sms";
        String signature = TwilioSigner.sign(TWILIO_TOKEN, PUBLIC_BASE_URL + path, sms);
        // a caller may not choose the request id (it would write what it likes into our logs)
        assertThat(post(path, "application/x-www-form-urlencoded", form(sms), "X-Twilio-Signature", signature,
                "breadcrumbId", FORGED_ID).statusCode()).isEqualTo(200);
        long messageId = awaitMessage("SM-request-id-1");
        awaitStatus(messageId, NotifyChannel.SMS, "SENT");

        List<ILoggingEvent> all;
        synchronized (captured) { // appends hold this lock
            all = List.copyOf(captured.list);
        }
        List<ILoggingEvent> info = all.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.INFO)).toList();
        ILoggingEvent emergency = only(info, "EMERGENCY message " + messageId + " ");
        String requestId = emergency.getMDCPropertyMap().get(REQUEST_ID);
        assertThat(requestId).as("the request id of %s", emergency.getFormattedMessage()).isNotBlank();
        assertThat(webhookExchanges).as("the id is the webhook request's, carried over intake.inbound")
                .first().isEqualTo(requestId);

        // what this webhook set off: threading and routing (behind intake.inbound), the staff
        // notification and its SMS (behind notify.sms); timers' later reminders have ids of their own
        long smsNotification = notifications(messageId).stream().filter(n -> "SMS".equals(n.get("channel")))
                .map(n -> ((Number) n.get("id")).longValue()).findFirst().orElseThrow();
        List<ILoggingEvent> ours = List.of(emergency, only(info, "Message " + messageId + " from "),
                only(info, "Message " + messageId + " (EMERGENCY)"),
                only(all, "Notification " + smsNotification + " sent by SMS"));
        assertThat(ours).allSatisfy(event -> assertThat(event.getMDCPropertyMap().get(REQUEST_ID))
                .as(event.getFormattedMessage()).isEqualTo(requestId));
        Set<String> threads = ours.stream().map(ILoggingEvent::getThreadName).collect(Collectors.toSet());
        assertThat(threads).as("one id across the queues' consumer threads").hasSizeGreaterThan(1);

        assertThat(output.getOut()).as("the id printed on the line").contains("[" + requestId + "]")
                .containsPattern("\\[" + requestId + "\\] .*EMERGENCY message " + messageId + " ");

        assertThat(output.getOut()).doesNotContain(FORGED_ID);
        for (ILoggingEvent event : info) {
            String line = event.getFormattedMessage();
            assertThat(line).as("no full phone number at INFO").doesNotContain("5125550177").doesNotContain("5125550188");
            assertThat(line).as("no message body at INFO").doesNotContain("Burst pipe").doesNotContain("kitchen sink");
        }
        assertThat(info).extracting(ILoggingEvent::getFormattedMessage).as("numbers are shown masked")
                .anyMatch(line -> line.contains("********0177"));
    }

    private long awaitMessage(String sid) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                !jdbc.queryForList("select id from message where provider_message_id = ?", Long.class, sid).isEmpty());
        return jdbc.queryForObject("select id from message where provider_message_id = ?", Long.class, sid);
    }

    private static ILoggingEvent only(List<ILoggingEvent> events, String start) {
        List<ILoggingEvent> matching = events.stream().filter(event -> event.getFormattedMessage().startsWith(start)).toList();
        assertThat(matching).as("log lines starting with '%s'", start).hasSize(1);
        return matching.get(0);
    }
}
