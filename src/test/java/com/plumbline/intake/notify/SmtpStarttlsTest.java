package com.plumbline.intake.notify;

import java.time.Duration;
import java.util.Map;

import com.plumbline.intake.support.MailStandIn;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plain SMTP must upgrade to TLS before anything is sent, unless a local test server is opted out. */
class SmtpStarttlsTest {

    private final MailStandIn plainSmtp = new MailStandIn();
    private CamelContext camel;
    private ProducerTemplate producer;

    @BeforeEach
    void start() {
        plainSmtp.start();
        camel = new DefaultCamelContext();
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
        plainSmtp.stop();
    }

    private String endpoint(String protocol, boolean requireStarttls) {
        NotifyProperties properties = new NotifyProperties("http://localhost:8080",
                new NotifyProperties.Email("127.0.0.1", plainSmtp.port(), protocol, null, null, "intake@plumbline.test",
                        requireStarttls),
                new NotifyProperties.Sms(null, null, null), new NotifyProperties.Escalation(Duration.ofSeconds(5)),
                new NotifyProperties.Retry(30, 2000, 2, 300000),
                new NotifyProperties.Requeue(Duration.ofSeconds(10), Duration.ofSeconds(5)), Duration.ofSeconds(60));
        return new EmailNotifications(null, null, null, properties).endpointUri();
    }

    private void send(String uri) {
        producer.sendBodyAndHeaders(uri, "EMERGENCY: burst pipe", Map.of("To", "dana@plumbline.test",
                "From", "intake@plumbline.test", "Subject", "[EMERGENCY] LEAK_DETECTION"));
    }

    @Test
    void byDefaultAServerThatDoesNotUpgradeToTlsGetsNothing() {
        String uri = endpoint("smtp", true);

        assertThat(uri).contains("mail.smtp.starttls.enable=true").contains("mail.smtp.starttls.required=true");
        assertThatThrownBy(() -> send(uri)).hasStackTraceContaining("STARTTLS");
        assertThat(plainSmtp.received()).isEmpty();
    }

    @Test
    void aLocalTestServerCanBeOptedOut() {
        send(endpoint("smtp", false));

        assertThat(plainSmtp.received()).hasSize(1);
    }

    @Test
    void smtpsIsTlsFromTheStartAndNeedsNoUpgrade() {
        assertThat(endpoint("smtps", true)).startsWith("smtps://").doesNotContain("starttls");
    }
}
