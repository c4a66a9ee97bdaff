package com.plumbline.intake.ingress;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.TextMessage;
import com.plumbline.intake.PlumblineIntakeApplication;
import com.plumbline.intake.support.FreePorts;
import com.plumbline.intake.support.WebhookClient;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

import static com.plumbline.intake.ingress.WebhookIngressTest.twilioSms;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An acknowledged webhook is durable: it is still there after the service stops, and a failure
 * before it is durable answers 503 with nothing half-stored, so the provider's retry is accepted.
 * Each test starts and stops the whole service on one data folder.
 */
class DurabilityTest {

    private static final String SMS = "/api/webhooks/twilio/sms";

    @TempDir
    Path dataDir;

    @Test
    void acknowledgedMessageIsStillThereAfterARestart() throws Exception {
        Map<String, String> sms = twilioSms("SM7777777777777777777777777777777a", "Sewage coming up through the floor drain");

        try (ConfigurableApplicationContext service = start()) {
            assertThat(client(service).postTwilio(SMS, sms).statusCode()).isEqualTo(200);
        }

        try (ConfigurableApplicationContext service = start()) {
            assertThat(webhookEvents(service)).isEqualTo(1);
            assertThat(queued(service)).singleElement().asString().contains("SM7777777777777777777777777777777a");

            // the provider retries after the restart: still a duplicate, not a second message
            assertThat(client(service).postTwilio(SMS, sms).statusCode()).isEqualTo(200);
            assertThat(webhookEvents(service)).isEqualTo(1);
            assertThat(queued(service)).hasSize(1);
        }
    }

    @Test
    void brokerFailureRollsBackTheRowAndTheDedupKeyAndAsksForARetry() throws Exception {
        Map<String, String> sms = twilioSms("SM8888888888888888888888888888888b", "No water at all since this morning");

        try (ConfigurableApplicationContext service = start()) {
            AdviceWith.adviceWith(service.getBean(CamelContext.class), "intake", route -> route
                    .weaveByToUri("jms:queue:intake.inbound*")
                    .replace().throwException(new IllegalStateException("broker unavailable")));

            HttpResponse<String> response = client(service).postTwilio(SMS, sms);

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(response.body()).contains("\"error\":\"unavailable\"").doesNotContain("broker unavailable");
            assertThat(webhookEvents(service)).isZero();
            assertThat(jdbc(service).queryForObject("select count(*) from camel_messageprocessed", Integer.class)).isZero();
        }

        try (ConfigurableApplicationContext service = start()) {
            assertThat(client(service).postTwilio(SMS, sms).statusCode()).isEqualTo(200);
            assertThat(webhookEvents(service)).isEqualTo(1);
            assertThat(queued(service)).hasSize(1);
        }
    }

    private ConfigurableApplicationContext start() {
        // as command-line arguments, so they win over application.yaml like a real deployment's
        return new SpringApplicationBuilder(PlumblineIntakeApplication.class).run(
                "--server.port=0",
                "--management.server.port=0",
                "--intake.ws.port=" + FreePorts.next(),   // not the defaults: another service may hold them
                "--intake.processing.auto-startup=false",
                "--intake.data-dir=" + dataDir,
                "--intake.public-base-url=" + WebhookClient.PUBLIC_BASE_URL,
                "--intake.twilio.auth-token=" + WebhookClient.TWILIO_TOKEN);
    }

    private static WebhookClient client(ConfigurableApplicationContext service) {
        return new WebhookClient(((ServletWebServerApplicationContext) service).getWebServer().getPort());
    }

    private static JdbcTemplate jdbc(ConfigurableApplicationContext service) {
        return service.getBean(JdbcTemplate.class);
    }

    private static int webhookEvents(ConfigurableApplicationContext service) {
        return jdbc(service).queryForObject("select count(*) from webhook_event", Integer.class);
    }

    /** The bodies waiting on intake.inbound, left in place. */
    private static List<String> queued(ConfigurableApplicationContext service) {
        JmsTemplate jms = new JmsTemplate(service.getBean(ConnectionFactory.class));
        return jms.browse("intake.inbound", (session, browser) -> {
            List<String> bodies = new ArrayList<>();
            for (Object message : Collections.list(browser.getEnumeration())) {
                bodies.add(((TextMessage) message).getText());
            }
            return bodies;
        });
    }
}
