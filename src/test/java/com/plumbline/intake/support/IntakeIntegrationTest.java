package com.plumbline.intake.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on a random port, with embedded PostgreSQL and Artemis in a fresh data
 * folder, and the providers' secrets set to test values. Subclasses share one context.
 */
@CamelSpringBootTest
// metrics are exported as in production (Spring Boot's tests switch Prometheus off by default)
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "intake.public-base-url=" + IntakeIntegrationTest.PUBLIC_BASE_URL,
        "intake.twilio.auth-token=" + IntakeIntegrationTest.TWILIO_TOKEN,
        "intake.google-voice.secret=" + IntakeIntegrationTest.RELAY_SECRET,
        "intake.pubsub.push.service-account=" + IntakeIntegrationTest.PUSH_ACCOUNT,
        "intake.test-endpoint.enabled=true",
        // ingress tests look at intake.inbound itself; processing tests switch the consumer on
        "intake.processing.auto-startup=false"
})
public abstract class IntakeIntegrationTest {

    /** Providers call a public URL (behind a proxy); signatures are made for it, not for localhost. */
    public static final String PUBLIC_BASE_URL = WebhookClient.PUBLIC_BASE_URL;
    public static final String TWILIO_TOKEN = WebhookClient.TWILIO_TOKEN;
    public static final String RELAY_SECRET = WebhookClient.RELAY_SECRET;
    public static final String PUSH_ACCOUNT = "pubsub-push@plumbline-test.iam.gserviceaccount.com";
    public static final String PUSH_AUDIENCE = PUBLIC_BASE_URL + "/api/webhooks/google-pubsub";
    public static final String INBOUND_QUEUE = "intake.inbound";

    protected static final GoogleTokens GOOGLE = new GoogleTokens();
    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        // called once per application context: each gets its own PostgreSQL and Artemis data
        Path dataDir = tempDir();
        registry.add("intake.data-dir", dataDir::toString);
        registry.add("intake.pubsub.push.jwks-url", GOOGLE::jwksUrl);
        // the dashboard WebSocket server: its own port per context, as cached contexts live side by side
        int wsPort = MailStandIn.freePort();
        registry.add("intake.ws.port", () -> wsPort);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    private ConnectionFactory connectionFactory;

    @BeforeEach
    void startFromEmptyStores() {
        deleteAllMessages();
        drain(INBOUND_QUEUE);
    }

    /**
     * Empties every table a message fills, dependents first. DELETE rather than TRUNCATE: the
     * service's pollers keep reading these tables, and TRUNCATE's exclusive locks can deadlock with them.
     */
    protected void deleteAllMessages() {
        for (String table : List.of("notification", "escalation", "dead_letter", "processing_job", "message",
                "conversation", "customer", "webhook_event", "camel_messageprocessed")) {
            jdbc.update("delete from " + table);
        }
    }

    protected HttpResponse<String> post(String path, String contentType, String body, String... headers) {
        return client().post(path, contentType, body, headers);
    }

    protected HttpResponse<String> get(String path) {
        return client().get(path);
    }

    protected HttpResponse<String> postTwilio(String path, Map<String, String> params) {
        return client().postTwilio(path, params);
    }

    protected HttpResponse<String> postRelay(String body, long timestamp) {
        return client().postRelay(body, timestamp);
    }

    protected HttpResponse<String> postPush(String body, String token) {
        return post("/api/webhooks/google-pubsub", "application/json", body, "Authorization", "Bearer " + token);
    }

    protected static String form(Map<String, String> params) {
        return WebhookClient.form(params);
    }

    protected WebhookClient client() {
        return new WebhookClient(port);
    }

    protected int webhookEvents() {
        return jdbc.queryForObject("select count(*) from webhook_event", Integer.class);
    }

    /** Every message waiting on a queue, removed from it. */
    protected List<String> drain(String queue) {
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(300);
        List<String> bodies = new ArrayList<>();
        for (Message message = jms.receive(queue); message != null; message = jms.receive(queue)) {
            try {
                bodies.add(((TextMessage) message).getText());
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        }
        return bodies;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("intake-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
