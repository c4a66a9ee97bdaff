package com.plumbline.intake.scale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.plumbline.intake.support.DashboardSocket;
import com.plumbline.intake.support.FreePorts;
import com.plumbline.intake.support.IntakeIntegrationTest;
import com.plumbline.intake.support.ServiceProcess;
import com.plumbline.intake.support.StandaloneBroker;
import com.plumbline.intake.support.WebhookClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the packaged service, each its own OS process, against one PostgreSQL and one
 * standalone Artemis broker (both on loopback, started here). Webhooks alternate between the
 * instances as a proxy would spread them, some are delivered to both at once, and part-way one
 * instance is killed with SIGKILL (what it did not answer goes to the other, as a proxy retries).
 * Then: both did part of the work, every acknowledged message was processed once (one message
 * row, one job of each kind), and every escalation fired its first rung once.
 *
 * <p>Run by failsafe after {@code package} ({@code ./mvnw verify}); prints its figures.
 */
class TwoInstancesIT {

    private static final Duration STARTUP = Duration.ofMinutes(8);
    private static final String PROMETHEUS_TOKEN = "two-instances-scrape-token";
    /** before the kill, and while it happens */
    private static final int FIRST = 24;
    private static final int SECOND = 16;
    /** every DOUBLE-th message is posted to both instances at once */
    private static final int DOUBLE = 3;

    private static final List<String> BODIES = List.of(
            "Burst pipe in the basement, water everywhere!",
            "Kitchen sink drain is clogged again",
            "No water at all since this morning",
            "Looking for a quote to replace the kitchen faucet");

    @TempDir
    Path workDir;

    private final List<Instance> instances = new ArrayList<>();

    private record Instance(String name, Process process, int port, int managementPort, int boardPort, Path log) {
        WebhookClient client() {
            return new WebhookClient(port);
        }

        /** A dispatch board on this instance, logged in as the admin (who sees every event). */
        DashboardSocket board() throws IOException {
            String login = client().send("POST", "/api/auth/login", "{\"username\":\"" + IntakeIntegrationTest.ADMIN_USER
                    + "\",\"password\":\"" + IntakeIntegrationTest.ADMIN_PASSWORD + "\"}").body();
            String token = new ObjectMapper().readTree(login).get("accessToken").asText();
            return DashboardSocket.loggedIn("ws://127.0.0.1:" + boardPort + "/ws/dashboard", token);
        }

        /** The actuator's own port (health, Prometheus). */
        WebhookClient management() {
            return new WebhookClient(managementPort);
        }
    }

    @AfterEach
    void stopInstances() throws IOException {
        for (Instance instance : instances) {
            instance.process().toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            instance.process().destroyForcibly();
            try {
                instance.process().onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                // reported by the test itself if it matters
            }
            if (Files.exists(instance.log())) {
                Files.copy(instance.log(), Path.of("target/two-instances-" + instance.name() + ".log"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void twoInstancesShareTheWorkProcessEachMessageOnceAndLoseNothingWhenOneIsKilled() throws Exception {
        int brokerPort = FreePorts.next();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             StandaloneBroker broker = StandaloneBroker.start(workDir.resolve("artemis"), brokerPort)) {
            Path rules = fastEscalation();
            Instant began = Instant.now();
            CompletableFuture<Instance> a = CompletableFuture.supplyAsync(() -> start("a", postgres, brokerPort, rules));
            CompletableFuture<Instance> b = CompletableFuture.supplyAsync(() -> start("b", postgres, brokerPort, rules));
            Instance first = a.get();
            Instance second = b.get();
            Duration startup = Duration.between(began, Instant.now());
            JdbcTemplate db = new JdbcTemplate(postgres.getPostgresDatabase());
            // both started together on an empty database: the first admin and the staff seeded once
            assertThat(db.queryForObject("select count(*) from user_account where admin", Integer.class)).isEqualTo(1);
            assertThat(db.queryForObject("select count(*) - count(distinct name) from staff_member", Integer.class))
                    .as("staff members seeded twice").isZero();
            // a dispatch board open on each instance
            DashboardSocket boardOnA = first.board();
            DashboardSocket boardOnB = second.board();
            // 1. both up: requests alternate, every third is delivered to both at once
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            Instant sending = Instant.now();
            for (int i = 0; i < FIRST; i++) {
                deliver(i, List.of(first, second), acknowledged);
            }
            await().atMost(Duration.ofMinutes(2)).until(() -> messages(db) >= FIRST);
            // each board gets the alert of every emergency, whichever instance handled it
            List<Long> emergencies = db.queryForList(
                    "select id from message where priority = 'EMERGENCY' and direction = 'INBOUND' order by id", Long.class);
            assertThat(emergencies).as("emergencies among the first messages").isNotEmpty();
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                assertThat(alertedMessages(boardOnA)).as("alerts on instance a's board").containsAll(emergencies);
                assertThat(alertedMessages(boardOnB)).as("alerts on instance b's board").containsAll(emergencies);
            });
            // and once: an instance skips its own events when the topic brings them back
            assertThat(boardOnA.ofType("alert")).as("alerts on instance a's board").hasSameSizeAs(Set.copyOf(boardOnA.ofType("alert")));
            boardOnA.close();
            boardOnB.close();
            double classifiedByA = classified(first);
            double classifiedByB = classified(second);

            // 2. the second instance is killed while requests keep coming; the proxy sends what it
            // did not answer to the first
            int killAt = FIRST + SECOND / 2;
            for (int i = FIRST; i < FIRST + SECOND; i++) {
                if (i == killAt) {
                    second.process().destroyForcibly();
                    second.process().onExit().get(30, TimeUnit.SECONDS);
                }
                deliver(i, List.of(first, second), acknowledged);
            }
            assertThat(acknowledged).hasSize(FIRST + SECOND);

            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> finished(db));
            Duration processing = Duration.between(sending, Instant.now());
            // escalation: first rung after 3 s; both instances poll every 500 ms while both run
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() ->
                    db.queryForObject("select count(*) from escalation where tier = 0", Integer.class) == 0);

            int escalations = db.queryForObject("select count(*) from escalation", Integer.class);
            int tierOneNotices = db.queryForObject("select count(*) from notification where tier = 1", Integer.class);
            System.out.printf("""
                            Two instances: both started in %.1f s; %d messages (one in %d posted to both), instance b
                              killed (SIGKILL) after %d; classify exchanges before the kill: a %.0f, b %.0f;
                              all processed %.1f s after the first request; %d escalations, %d first-rung notifications
                            """, seconds(startup), FIRST + SECOND, DOUBLE, killAt, classifiedByA, classifiedByB,
                    seconds(processing), escalations, tierOneNotices);

            assertThat(classifiedByA).as("messages classified by instance a").isPositive();
            assertThat(classifiedByB).as("messages classified by instance b").isPositive();
            assertThat(db.queryForObject("select count(*) from webhook_event", Integer.class)).isEqualTo(FIRST + SECOND);
            assertThat(db.queryForObject("select count(distinct provider_message_id) from message where direction = 'INBOUND'",
                    Integer.class)).isEqualTo(FIRST + SECOND);
            assertThat(messages(db)).isEqualTo(FIRST + SECOND);
            assertThat(db.queryForObject("""
                    select count(*) from (select message_id, type from processing_job
                    group by message_id, type having count(*) > 1) doubled""", Integer.class)).isZero();
            assertThat(db.queryForObject("select count(*) from processing_job where status in ('FAILED', 'DEAD')",
                    Integer.class)).isZero();
            assertThat(db.queryForObject("select count(*) from dead_letter", Integer.class)).isZero();
            assertThat(escalations).as("escalations (one per emergency)").isEqualTo(
                    db.queryForObject("select count(*) from message where priority = 'EMERGENCY'", Integer.class))
                    .isPositive();
            assertThat(db.queryForList("select fired from escalation", Integer.class)).containsOnly(1);
            assertThat(tierOneNotices).as("first-rung notifications").isPositive();
            assertThat(db.queryForObject("""
                    select count(*) from (select message_id, staff_member_id, channel from notification where tier = 1
                    group by 1, 2, 3 having count(*) > 1) doubled""", Integer.class)).isZero();
        }
    }

    /** Message i to one instance (alternating), every DOUBLE-th to both at once; unanswered: to the other. */
    private void deliver(int i, List<Instance> both, Set<String> acknowledged) {
        String id = "two-" + i;
        String body = "{\"id\":\"%s\",\"type\":\"sms\",\"from\":\"+1512555%04d\",\"text\":\"%s\"}"
                .formatted(id, 2000 + i % 13, BODIES.get(i % BODIES.size()));
        Instance to = both.get(i % 2);
        Instance other = both.get((i + 1) % 2);
        if (i % DOUBLE == 0) {
            CompletableFuture<Integer> once = CompletableFuture.supplyAsync(() -> post(to, body));
            CompletableFuture<Integer> twice = CompletableFuture.supplyAsync(() -> post(other, body));
            if (once.join() == 200 | twice.join() == 200) {
                acknowledged.add(id);
                return;
            }
        } else if (post(to, body) == 200) {
            acknowledged.add(id);
            return;
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            if (post(other, body) == 200 || post(to, body) == 200) {
                acknowledged.add(id);
                return;
            }
            sleep(1000);
        }
    }

    /** The answer's status; 0 when the instance does not answer (killed). */
    private static int post(Instance instance, String body) {
        if (!instance.process().isAlive()) {
            return 0;
        }
        try {
            return instance.client().post("/api/webhooks/test", "application/json", body).statusCode();
        } catch (RuntimeException connectionLost) {
            return 0;
        }
    }

    /** The message ids of the alert events a board received. */
    private static Set<Long> alertedMessages(DashboardSocket board) throws IOException {
        Set<Long> ids = new java.util.HashSet<>();
        for (String alert : board.ofType("alert")) {
            ids.add(new ObjectMapper().readTree(alert).get("messageId").asLong());
        }
        return ids;
    }

    private static int messages(JdbcTemplate db) {
        return db.queryForObject("select count(*) from message where direction = 'INBOUND'", Integer.class);
    }

    /** Every message stored and no job due now left to run. */
    private static boolean finished(JdbcTemplate db) {
        int open = db.queryForObject("""
                select count(*) from processing_job
                where type <> 'FOLLOW_UP' and status in ('PENDING', 'RUNNING', 'FAILED')""", Integer.class);
        int expected = db.queryForObject("""
                select coalesce(sum(case when priority = 'EMERGENCY' then 2 else 3 end), 0)
                from message where direction = 'INBOUND'""", Integer.class);
        int jobs = db.queryForObject(
                "select count(distinct (message_id, type)) from processing_job where type <> 'FOLLOW_UP'", Integer.class);
        return messages(db) >= FIRST + SECOND && open == 0 && jobs >= expected;
    }

    private static final Pattern CLASSIFY = Pattern.compile("camel_exchanges_total\\{[^}]*routeId=\"classify\"[^}]*} ([0-9.E]+)");

    /** The instance's classify route exchanges, from its Prometheus scrape. */
    private static double classified(Instance instance) {
        String scrape = instance.management().get("/actuator/prometheus", "Authorization", "Bearer " + PROMETHEUS_TOKEN).body();
        double total = 0;
        for (Matcher m = CLASSIFY.matcher(scrape); m.find(); ) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }

    /** The project's rules with the first escalation rung after 3 s instead of 5 minutes. */
    private Path fastEscalation() throws IOException {
        String rules = Files.readString(Path.of("config/rules.yaml"), StandardCharsets.UTF_8);
        String fast = rules.replace("- after: 5m ", "- after: 3s ");
        assertThat(fast).as("the first escalation rung in config/rules.yaml").isNotEqualTo(rules);
        Path file = workDir.resolve("rules.yaml");
        Files.writeString(file, fast, StandardCharsets.UTF_8);
        return file;
    }

    private Instance start(String name, EmbeddedPostgres postgres, int brokerPort, Path rules) {
        try {
            int port = FreePorts.next();
            int managementPort = FreePorts.next();
            int boardPort = FreePorts.next();
            Path log = workDir.resolve("service-" + name + ".log");
            ProcessBuilder builder = ServiceProcess.builder("384m",
                    "--server.port=" + port,
                    "--management.server.port=" + managementPort,
                    "--intake.ws.port=" + boardPort,
                    "--intake.data-dir=" + workDir.resolve("data-" + name),
                    "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres",
                    "--spring.artemis.broker-url=" + StandaloneBroker.url(brokerPort),
                    "--intake.test-endpoint.enabled=true",
                    "--intake.rules.file=" + rules,
                    "--intake.notify.escalation.poll-delay=500",
                    "--intake.security.prometheus-token=" + PROMETHEUS_TOKEN,
                    // readiness comes after the start-up runners (first admin, staff seeding)
                    "--management.endpoint.health.probes.enabled=true",
                    "--intake.security.jwt-secret=" + IntakeIntegrationTest.JWT_SECRET,
                    "--intake.security.bootstrap-admin-password=" + IntakeIntegrationTest.ADMIN_PASSWORD)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Process process = builder.start();
            Instance instance = new Instance(name, process, port, managementPort, boardPort, log);
            synchronized (instances) {
                instances.add(instance);
            }
            Instant deadline = Instant.now().plus(STARTUP);
            while (Instant.now().isBefore(deadline)) {
                assertThat(process.isAlive()).as("instance %s exited; see target/two-instances-%s.log", name, name).isTrue();
                try {
                    if (instance.management().get("/actuator/health/readiness").statusCode() == 200) {
                        return instance;
                    }
                } catch (RuntimeException notYet) {
                    // connection refused while it starts
                }
                sleep(500);
            }
            throw new AssertionError("instance " + name + " not healthy after " + STARTUP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
