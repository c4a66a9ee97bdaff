package com.plumbline.intake.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.support.ScheduledPollConsumer;
import com.plumbline.intake.notify.NotifyProperties;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.emptyString;

/**
 * The whole service on a random port (and its actuator on another: {@link #management()}), with
 * a fresh database of its own on the test JVM's one PostgreSQL server ({@link SharedPostgres}),
 * embedded Artemis in a fresh data folder, and the providers' secrets set to test values.
 * Subclasses share one context.
 */
@CamelSpringBootTest
// each context's data folder goes when the context closes
@ContextConfiguration(initializers = DataFolderCleanup.class)
// metrics are exported as in production (Spring Boot's tests switch Prometheus off by default)
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "intake.public-base-url=" + IntakeIntegrationTest.PUBLIC_BASE_URL,
        "intake.twilio.auth-token=" + IntakeIntegrationTest.TWILIO_TOKEN,
        "intake.google-voice.secret=" + IntakeIntegrationTest.RELAY_SECRET,
        "intake.pubsub.push.service-account=" + IntakeIntegrationTest.PUSH_ACCOUNT,
        "intake.test-endpoint.enabled=true",
        "intake.security.jwt-secret=" + IntakeIntegrationTest.JWT_SECRET,
        "intake.security.bootstrap-admin-password=" + IntakeIntegrationTest.ADMIN_PASSWORD,
        "intake.security.prometheus-token=" + IntakeIntegrationTest.PROMETHEUS_TOKEN,
        // the actuator on a port of its own, as in production (on loopback: the default address)
        "management.server.port=0",
        // the tests come from loopback as if through a proxy (X-Forwarded-For is believed), and
        // log in far more often than people do; AbuseLimitsTest runs with low limits of its own
        "intake.limits.trusted-proxies=127.0.0.1,0:0:0:0:0:0:0:1",
        "intake.limits.webhook-requests-per-minute=100000",
        "intake.limits.login-requests-per-minute=100000",
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
    public static final String JWT_SECRET = "test-jwt-secret-of-at-least-32-bytes-0123456789";
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin-test-password-1";
    public static final String PROMETHEUS_TOKEN = "prometheus-test-scrape-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    protected static final GoogleTokens GOOGLE = new GoogleTokens();
    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        // called once per application context: each gets its own database and Artemis data
        Path dataDir = tempDir();
        registry.add("intake.data-dir", dataDir::toString);
        String database = SharedPostgres.newDatabase();
        registry.add("spring.datasource.url", () -> database);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("intake.pubsub.push.jwks-url", GOOGLE::jwksUrl);
        // the dashboard WebSocket server: its own port per context, as cached contexts live side by side
        int wsPort = FreePorts.next();
        registry.add("intake.ws.port", () -> wsPort);
    }

    @LocalServerPort
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    private ConnectionFactory connectionFactory;

    @Autowired
    protected CamelContext camel;

    @Autowired
    private ObjectProvider<EmbeddedActiveMQ> embeddedBroker;

    @Autowired
    private Clock serviceClock;

    @Autowired
    private NotifyProperties notifyProperties;

    @BeforeEach
    void startFromEmptyStores() {
        // the previous test's work ends first: a message still inside its transaction would commit
        // rows behind the deletes below (its message row after its conversation was deleted), or
        // roll back and be redelivered into this test
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            drain(INBOUND_QUEUE);
            return camel.getInflightRepository().size() == 0;
        });
        deleteAllMessages();
    }

    /**
     * The queues a send or a job run can still come from: email, SMS and dashboard notifications
     * and job tickets. The dead-letter queues (notify.dead, intake.dlq) are left out: what waits
     * there is recorded as a dead letter, never sent or run (a replay is an API call), and a
     * leftover of an earlier test can be redelivered there for minutes.
     */
    private static final List<String> DELIVERY_QUEUES =
            List.of("notify.email", "notify.sms", "intake.jobs");

    /**
     * Waits until no further send, broadcast or job run can happen without something new coming
     * in, so a test can then count what was delivered once, exactly:
     * <ul>
     * <li>no email or SMS notification the requeue poller would take: PENDING, never queued and
     * older than {@code intake.notify.requeue.after} by the service's clock. SENT, FAILED, SKIPPED
     * and ACKED are final (a channel route drops a queue message for a row no longer PENDING, and
     * the poller reads only PENDING rows); a PENDING row with a queue message is counted on its
     * queue below; one on no queue and not yet old enough (a test's own) is left alone;</li>
     * <li>no escalation PENDING and due by the service's clock (the escalation poller reads only
     * those);</li>
     * <li>no job row RUNNING, or PENDING or FAILED and due (DONE and DEAD jobs are never run
     * again but by a replay, an API call);</li>
     * <li>the {@link #DELIVERY_QUEUES} empty by Artemis' own count, which includes messages
     * scheduled for redelivery and those delivered but not yet acknowledged (a consumer's
     * transaction still open), which a JMS browser does not see;</li>
     * <li>no exchange in flight in Camel (a send in progress, an in-memory redelivery waiting,
     * a poller's batch being processed);</li>
     * <li>and, all of that still true after every poller of {@link #pollersThatCouldAct()} has
     * run a whole poll since it first held: a poller that read the rows before they settled
     * has had its turn.</li>
     * </ul>
     */
    protected void awaitDeliveriesSettled() {
        await().atMost(Duration.ofSeconds(30)).until(this::unsettled, emptyString());
        Map<String, Long> polls = new java.util.HashMap<>();
        pollersThatCouldAct().forEach(routeId -> polls.put(routeId, polls(routeId)));
        // a poll counts when it begins: once the second from now has begun, the first, begun after now, has ended
        await().atMost(Duration.ofSeconds(30))
                .until(() -> polls.entrySet().stream().allMatch(p -> polls(p.getKey()) >= p.getValue() + 2));
        await().atMost(Duration.ofSeconds(30)).until(this::unsettled, emptyString());
    }

    /**
     * The routes of scheduled pollers that could still act on a settled state, by route id: each
     * must run a whole poll before {@link #awaitDeliveriesSettled()} returns. None by default (the
     * service's pollers poll every few seconds here; a settled state leaves them nothing to read).
     */
    protected List<String> pollersThatCouldAct() {
        return List.of();
    }

    /** What can still deliver something, in words; empty when nothing can. */
    private String unsettled() {
        Instant now = serviceClock.instant();
        List<String> left = new ArrayList<>();
        // a PENDING row on no queue is sent only if the requeue poller takes it (Notification.unqueued)
        int requeueable = jdbc.queryForObject("select count(*) from notification where status = 'PENDING' "
                + "and queued_at is null and channel in ('EMAIL', 'SMS') and created_at <= ?", Integer.class,
                Timestamp.from(now.minus(notifyProperties.requeue().after())));
        if (requeueable > 0) {
            left.add(requeueable + " notification(s) for the requeue poller");
        }
        int escalations = jdbc.queryForObject("select count(*) from escalation where status = 'PENDING' "
                + "and due_at <= ?", Integer.class, Timestamp.from(now));
        if (escalations > 0) {
            left.add(escalations + " escalation(s) due");
        }
        int jobs = jdbc.queryForObject("select count(*) from processing_job where status = 'RUNNING' "
                + "or (status in ('PENDING', 'FAILED') and enqueued_at is null and due_at <= now())", Integer.class);
        if (jobs > 0) {
            left.add(jobs + " job(s) running or due");
        }
        for (String queue : DELIVERY_QUEUES) {
            long messages = brokerMessageCount(queue);
            if (messages > 0) {
                left.add(messages + " message(s) on " + queue);
            }
        }
        int inflight = camel.getInflightRepository().size();
        if (inflight > 0) {
            left.add(inflight + " exchange(s) in flight");
        }
        return String.join(", ", left);
    }

    /** Messages on a queue by Artemis' count: waiting, scheduled (a delayed redelivery) and being delivered. */
    private long brokerMessageCount(String queue) {
        EmbeddedActiveMQ broker = embeddedBroker.getIfAvailable();
        if (broker == null) {
            throw new IllegalStateException("no embedded broker to count " + queue + " on");
        }
        Queue found = broker.getActiveMQServer().locateQueue(queue);
        return found == null ? 0 : found.getMessageCount(); // not created yet: nothing was ever sent to it
    }

    /** Messages ever put on a queue, by Artemis' count. */
    protected long brokerMessagesAdded(String queue) {
        Queue found = embeddedBroker.getObject().getActiveMQServer().locateQueue(queue);
        return found == null ? 0 : found.getMessagesAdded();
    }

    /**
     * Waits until a scheduled poller (by route id) has run this many whole polls from now: the
     * polls of a state that is not settled, to show what the poller leaves alone.
     */
    protected void awaitPolls(String routeId, int polls) {
        long before = polls(routeId);
        // a poll counts when it begins: once poll n + 1 has begun, n whole polls begun after now have ended
        await().atMost(Duration.ofSeconds(30)).until(() -> polls(routeId) >= before + polls + 1);
    }

    /** The polls a scheduled poller (camel-jpa) has run, by its route id. */
    private long polls(String routeId) {
        Route route = camel.getRoute(routeId);
        if (route == null || !(route.getConsumer() instanceof ScheduledPollConsumer poller)) {
            throw new IllegalStateException("no scheduled poller " + routeId);
        }
        return poller.getCounter();
    }

    /**
     * Empties every table a message fills, dependents first. DELETE rather than TRUNCATE: the
     * service's pollers keep reading these tables, and TRUNCATE's exclusive locks can deadlock with them.
     */
    protected void deleteAllMessages() {
        for (String table : List.of("notification", "escalation", "dead_letter", "processing_job", "message",
                "conversation", "customer", "webhook_event")) {
            jdbc.update("delete from " + table);
        }
    }

    /** Removes the staff members' logins (the bootstrap admin stays). */
    protected void deleteStaffLogins() {
        jdbc.update("delete from refresh_token");
        jdbc.update("delete from user_account where staff_member_id is not null");
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

    /** A client of the management port (the actuator: health, Prometheus, Hawtio, Jolokia), without a login. */
    protected WebhookClient management() {
        return new WebhookClient(managementPort);
    }

    /** A client of the management port logged in as the bootstrap admin. */
    protected WebhookClient managementAsAdmin() {
        return management().withToken(login(ADMIN_USER, ADMIN_PASSWORD));
    }

    /** A client logged in as the bootstrap admin (ADMIN, which includes every staff role). */
    protected WebhookClient asAdmin() {
        return client().withToken(login(ADMIN_USER, ADMIN_PASSWORD));
    }

    /** A client logged in as a new staff member with this role (created by the admin through the API). */
    protected WebhookClient as(String role) {
        return client().withToken(newStaffLogin(role).token());
    }

    /** A staff member's login: their staff id, user name, password and access token. */
    protected record StaffLogin(long staffId, String username, String password, String token) {
    }

    /** Creates a staff member with a login through the API, as an admin would, and logs them in. */
    protected StaffLogin newStaffLogin(String role) {
        WebhookClient admin = asAdmin();
        String unique = Long.toString(System.nanoTime());
        String staff = JSON.createObjectNode().put("name", "Test " + role).put("role", role)
                .put("email", "t" + unique + "@plumbline.test")
                .put("phone", "+1512555" + unique.substring(unique.length() - 4))
                .set("channels", JSON.createArrayNode().add("EMAIL")).toString();
        HttpResponse<String> created = admin.post("/api/staff", "application/json", staff);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("staff member not created: " + created.body());
        }
        long id = readJson(created.body()).get("id").asLong();
        String username = "staff" + unique;
        String password = "password-" + unique;
        HttpResponse<String> set = admin.send("PUT", "/api/staff/" + id + "/login", credentials(username, password));
        if (set.statusCode() != 204) {
            throw new IllegalStateException("login not set: " + set.body());
        }
        return new StaffLogin(id, username, password, login(username, password));
    }

    /** Logs in through {@code POST /api/auth/login}; the access token. */
    protected String login(String username, String password) {
        HttpResponse<String> answer = loginAnswer(username, password);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + answer.statusCode() + " " + answer.body());
        }
        return readJson(answer.body()).get("accessToken").asText();
    }

    protected HttpResponse<String> loginAnswer(String username, String password) {
        return client().send("POST", "/api/auth/login", credentials(username, password));
    }

    protected static String credentials(String username, String password) {
        return JSON.createObjectNode().put("username", username).put("password", password).toString();
    }

    protected static JsonNode readJson(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected int webhookEvents() {
        return jdbc.queryForObject("select count(*) from webhook_event", Integer.class);
    }

    /**
     * Every message waiting on a queue, removed from it. No receive timeout: Artemis answers
     * receiveNoWait by asking the broker for what the queue holds (a round trip), so a message
     * stored there is never missed, and an empty queue costs no wait (it cost 300 ms twice per test).
     */
    protected List<String> drain(String queue) {
        if (INBOUND_QUEUE.equals(queue)) {
            awaitRelayed();
        }
        return take(queue);
    }

    /** Every message on a queue now, removed from it (intake.inbound: without waiting for the relay). */
    protected List<String> take(String queue) {
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(JmsTemplate.RECEIVE_TIMEOUT_NO_WAIT);
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

    /** Waits until the relay has moved every stored message to intake.inbound (routes/intake.camel.yaml). */
    protected void awaitRelayed() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from webhook_event where relayed_at is null and status = 'RECEIVED'", Integer.class) == 0);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("intake-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
