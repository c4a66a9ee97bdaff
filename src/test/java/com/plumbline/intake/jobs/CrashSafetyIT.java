package com.plumbline.intake.jobs;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.plumbline.intake.support.FreePorts;
import com.plumbline.intake.support.MailStandIn;
import com.plumbline.intake.support.ServiceProcess;
import com.plumbline.intake.support.TwilioStandIn;
import com.plumbline.intake.support.WebhookClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Crash safety, end to end: the packaged service runs as its own OS process; 500 signed Twilio
 * SMS webhooks go in from a few client threads; part-way through, the service and its embedded
 * PostgreSQL are killed with SIGKILL (as a power cut or an OOM-killed container would), or the
 * service is sent SIGTERM while the provider keeps sending (it must exit by itself, in time); it is
 * restarted on the same data folder and the provider's retries are sent. Then every acknowledged
 * message must have ended in exactly one job chain, each job DONE once: none lost, none doubled.
 *
 * <p>The providers are configured, as in production: GreenMail (SMTP) and a WireMock Twilio API
 * ({@code TWILIO_API_URL}) run in this JVM on loopback, and the staff rules (a copy of
 * config/rules.yaml) notify two staff members by email and SMS about emergencies and high
 * messages, by email about the rest. So every message also gets its notifications, each SENT, and
 * what reached the stand-ins is checked against them: every staff SMS and customer auto-reply
 * accepted by "Twilio" once (none lost, none sent twice), every notification email received, and
 * an email sent again after a crash carries the same Message-ID. The SIGKILL comes inside the
 * send-then-commit window on purpose: the Twilio stand-in accepts messages but holds its answers,
 * and the service is killed while a staff SMS and a customer SMS are held.
 *
 * <p>Run by failsafe after {@code package} ({@code ./mvnw verify}); prints its figures.
 */
class CrashSafetyIT {

    private static final String SMS = "/api/webhooks/twilio/sms";
    private static final int MESSAGES = 500;
    private static final int KILL_AFTER_ACKNOWLEDGED = 200;
    private static final int PROVIDER_REPEATS = 20;
    private static final int CLIENT_THREADS = 4;
    private static final Duration STARTUP = Duration.ofMinutes(5); // a loaded 2-core machine: minutes, not seconds

    /** Customer texts of every priority (the classifier decides; the mix is printed). */
    private static final List<String> BODIES = List.of(
            // emergencies
            "Burst pipe in the basement, water everywhere!",
            "I smell gas near the water heater, what do I do",
            "Sewage coming up through the floor drain",
            "Tenemos una fuga de gas en la cocina",
            "Basement is flooding fast please come now",
            // high
            "No water at all since this morning",
            "Water heater stopped working, no hot water",
            "Main sewer line backed up, every drain in the house is slow",
            // medium
            "Kitchen sink drain is clogged again",
            "Toilet keeps running all night",
            "Small leak under the bathroom sink, dripping into the cabinet",
            // low
            "Can I schedule a maintenance inspection next month?",
            "Looking for a quote to replace the kitchen faucet",
            "Do you do annual water heater flushes?");

    /** The two staff members of the rules copy, always reachable; their numbers are not customers'. */
    private static final String DANA_PHONE = "+15125550180";
    private static final String SAM_PHONE = "+15125550181";
    private static final Set<String> STAFF_PHONES = Set.of(DANA_PHONE, SAM_PHONE);
    private static final String STAFF_AND_NOTIFICATIONS = """
            staff:
              members:
                - name: Dana Reyes
                  role: DISPATCHER
                  email: dispatch@plumbline.example
                  phone: "%s"
                  channels: [EMAIL, SMS]
                  reachable: [BUSINESS_HOURS, AFTER_HOURS, WEEKENDS]
                - name: Sam Ortiz
                  role: ON_CALL
                  email: sam.ortiz@plumbline.example
                  phone: "%s"
                  channels: [SMS, EMAIL]
                  reachable: [BUSINESS_HOURS, AFTER_HOURS, WEEKENDS]
              onCallRota:
                weekly: [Sam Ortiz]
                weekdays: {}
            notifications:
              rules:
                - priorities: [EMERGENCY]
                  roles: [ON_CALL, DISPATCHER]
                  channels: [SMS, EMAIL]
                - priorities: [HIGH]
                  roles: [DISPATCHER]
                  channels: [SMS, EMAIL]
                - priorities: [MEDIUM, LOW]
                  roles: [DISPATCHER]
                  channels: [EMAIL]
              escalation:
                # far beyond the test: no escalation notices come in between
                priorities: [EMERGENCY]
                tiers:
                  - after: 24h
                    roles: [ON_CALL]
                    channels: [SMS]
            """.formatted(DANA_PHONE, SAM_PHONE);

    /** Email and SMS notifications per message, by priority (the rules above). */
    private static Map<String, Integer> expectedNotices(String priority) {
        return switch (priority) {
            case "EMERGENCY" -> Map.of("SMS", 2, "EMAIL", 2);
            case "HIGH" -> Map.of("SMS", 1, "EMAIL", 1);
            default -> Map.of("EMAIL", 1);
        };
    }

    /** How long the Twilio stand-in holds its answers while the SIGKILL is aimed. */
    private static final Duration HELD_ANSWERS = Duration.ofSeconds(25);

    @TempDir
    Path workDir;

    private final MailStandIn mail = new MailStandIn();
    private final TwilioStandIn twilio = new TwilioStandIn();

    private final int httpPort = FreePorts.next();
    private final int wsPort = FreePorts.next();
    private final int managementPort = FreePorts.next();
    private final int postgresPort = FreePorts.next();
    private Process service;
    private int run;
    /** This case, for the names of the logs kept in target/. */
    private Stop stop;

    @AfterEach
    void killService() throws IOException {
        // whatever happened, leave no service or PostgreSQL behind; keep the logs for a look
        killHard();
        twilio.close();
        mail.stop();
        for (int i = 1; i <= run; i++) {
            Path log = workDir.resolve("service-" + i + ".log");
            if (Files.exists(log)) {
                // named by case: the two cases run side by side and would overwrite each other's
                Files.copy(log, Path.of("target/crash-safety-" + stop + "-service-" + i + ".log"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** How the first run ends: a power cut, or an operator's stop (SIGTERM, as systemd, Docker or Kubernetes send). */
    enum Stop {
        SIGKILL, SIGTERM
    }

    /** A stopped service must be gone within this (Camel's own shutdown timeout is 45 s). */
    private static final Duration GRACEFUL_EXIT = Duration.ofSeconds(30);

    @ParameterizedTest
    @EnumSource(Stop.class)
    void everyAcknowledgedMessageEndsInExactlyOneDoneJobChainAfterTheServiceIsStopped(Stop stop) throws Exception {
        this.stop = stop;
        List<Map<String, String>> messages = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            messages.add(sms(i));
        }
        Instant began = Instant.now();

        // 1. first run: send until ~200 are acknowledged, then SIGKILL mid-stream
        mail.start();
        writeRules();
        start();
        Instant firstSend = Instant.now();
        WebhookClient client = new WebhookClient(httpPort);
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        Set<Integer> unanswered = ConcurrentHashMap.newKeySet();
        Map<Integer, Integer> serverErrors = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService senders = Executors.newFixedThreadPool(CLIENT_THREADS);
        for (int t = 0; t < CLIENT_THREADS; t++) {
            senders.submit(() -> {
                while (!killed.get()) {
                    int i = next.getAndIncrement();
                    if (i >= MESSAGES) {
                        return;
                    }
                    int status = send(client, messages.get(i));
                    if (status == 200) {
                        acknowledged.add(i);
                    } else {
                        unanswered.add(i);
                        if (status >= 500 && status != 503) {
                            serverErrors.merge(status, 1, Integer::sum);
                        }
                    }
                }
            });
        }
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(5))
                .until(() -> acknowledged.size() >= KILL_AFTER_ACKNOWLEDGED);
        Duration exit = Duration.ZERO;
        Held held = new Held(0, 0);
        if (stop == Stop.SIGKILL) {
            // aim the kill at the send-then-commit window: "Twilio" takes each message at once but
            // answers only after HELD_ANSWERS; once a staff SMS and a customer SMS are held, the
            // service dies with Twilio having them and its rows not knowing
            held = holdTwilioAnswersUntilBothKindsAreHeld();
            // stop taking new messages first: what is in flight now is cut off by the kill
            killed.set(true);
            killHard();
            twilio.answerAfter(Duration.ZERO);
        } else {
            // the provider keeps sending while the service stops: it must refuse them (or answer
            // 503), finish what it took, and exit by itself, its PostgreSQL with it
            exit = stopGracefully();
            killed.set(true);
        }
        senders.shutdown();
        assertThat(senders.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        int acknowledgedBeforeKill = acknowledged.size();
        int unansweredAtKill = unanswered.size();
        int neverSent = Math.max(0, MESSAGES - next.get());
        Instant killedAt = Instant.now();
        Duration firstRun = Duration.between(firstSend, killedAt);

        // 2. restart on the same data folder; the provider retries what was not acknowledged,
        // repeats some that were (a duplicate must be dropped), then the rest comes in
        start();
        Instant restarted = Instant.now();
        Duration restart = Duration.between(killedAt, restarted);
        List<Integer> secondRun = new ArrayList<>(unanswered);
        acknowledged.stream().sorted().limit(PROVIDER_REPEATS).forEach(secondRun::add);
        for (int i = next.get(); i < MESSAGES; i++) {
            secondRun.add(i);
        }
        Set<Integer> refused = ConcurrentHashMap.newKeySet();
        AtomicInteger cursor = new AtomicInteger();
        ExecutorService retriers = Executors.newFixedThreadPool(CLIENT_THREADS);
        for (int t = 0; t < CLIENT_THREADS; t++) {
            retriers.submit(() -> {
                for (int k = cursor.getAndIncrement(); k < secondRun.size(); k = cursor.getAndIncrement()) {
                    int i = secondRun.get(k);
                    if (sendWithRetries(client, messages.get(i))) {
                        acknowledged.add(i);
                    } else {
                        refused.add(i);
                    }
                }
            });
        }
        retriers.shutdown();
        assertThat(retriers.awaitTermination(6, TimeUnit.MINUTES)).isTrue();
        assertThat(refused).as("messages the restarted service would not acknowledge").isEmpty();
        assertThat(acknowledged).hasSize(MESSAGES);
        Instant allAcknowledged = Instant.now();

        // 3. all work finished: every message threaded, every job due now DONE (or DEAD/FAILED: then the checks say so)
        try (Connection db = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + postgresPort + "/postgres", "postgres", "")) {
            try {
                await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> finished(db));
            } catch (org.awaitility.core.ConditionTimeoutException notFinished) {
                // report what is left over; the checks below then fail with the details
                System.out.println("Not finished after 10 minutes: " + summary(db));
            }
            Instant finished = Instant.now();

            Set<String> sids = new java.util.HashSet<>();
            messages.forEach(message -> sids.add(message.get("MessageSid")));
            Figures figures = check(db, sids);
            Deliveries deliveries = checkDeliveries(db, sids, twilio.accepted(), mail.received());
            Duration total = Duration.between(began, finished);
            String report = String.format("""
                            Crash safety: %d messages, %s of the service after %d acknowledged (exit after a SIGTERM: %.1f s)
                              acknowledged before the kill: %d in %.1f s (%.1f webhooks/s; unanswered at the kill: %d, not yet sent: %d)
                              restart to healthy: %d s; re-sent after the restart: %d (incl. %d repeats of acknowledged ones)
                              acknowledged in the end: %d; lost: %d; doubled: %d
                              priorities: %s
                              jobs DONE: %d (run more than once after the crash: %d); FOLLOW_UP pending, due later: %d
                              held by the Twilio stand-in at the kill: %d staff SMS, %d customer SMS
                              notifications: %s
                              Twilio accepted: %d staff SMS, %d customer auto-replies; SMS lost: %d, sent twice: %d
                              emails received: %d for %d email notifications; lost: %d; resent with the same Message-ID: %d, with another: %d
                              after the restart: all acknowledged in %.1f s, all work done in %.1f s
                              total (two startups included) %.1f s; throughput %.1f messages/s end to end
                            """,
                    MESSAGES, stop, KILL_AFTER_ACKNOWLEDGED, seconds(exit), acknowledgedBeforeKill, seconds(firstRun),
                    acknowledgedBeforeKill / seconds(firstRun), unansweredAtKill, neverSent,
                    restart.toSeconds(), secondRun.size(), Math.min(PROVIDER_REPEATS, acknowledgedBeforeKill),
                    acknowledged.size(), figures.lost, figures.doubled, figures.priorities,
                    figures.doneJobs, figures.rerunJobs, figures.pendingFollowUps,
                    held.staff, held.customers, deliveries.notifications,
                    deliveries.staffSms, deliveries.customerSms, deliveries.smsLost, deliveries.smsTwice,
                    deliveries.emails, deliveries.emailNotices, deliveries.emailsLost, deliveries.emailsResent,
                    deliveries.emailsResentWithOtherId,
                    seconds(Duration.between(restarted, allAcknowledged)), seconds(Duration.between(restarted, finished)),
                    seconds(total),
                    MESSAGES / seconds(total));
            System.out.println(report);
            Files.writeString(Path.of("target/crash-safety-" + stop + ".txt"), report, StandardCharsets.UTF_8);

            assertThat(serverErrors).as("answers 5xx other than 503, by status").isEmpty();
            assertThat(figures.problems).as("per message problems").isEmpty();
            assertThat(figures.lost).isZero();
            assertThat(figures.doubled).isZero();
            // README, "Design notes", crash safety: no notification lost; no SMS sent twice; an
            // email sent again after a crash carries the same Message-ID
            assertThat(deliveries.problems).as("per notification and delivery problems").isEmpty();
            assertThat(deliveries.smsLost).as("SMS lost").isZero();
            assertThat(deliveries.smsTwice).as("SMS sent twice").isZero();
            assertThat(deliveries.emailsLost).as("emails lost").isZero();
            assertThat(deliveries.emailsResentWithOtherId).as("emails sent again under another Message-ID").isZero();
        }
    }

    /** Job rows by type and status, and the message count: what a failure report needs. */
    private static String summary(Connection db) throws SQLException {
        return "messages " + count(db, "select count(*) from message where direction = 'INBOUND'")
                + ", webhook events " + count(db, "select count(*) from webhook_event")
                + ", jobs " + counts(db, "select type || '/' || status, count(*) from processing_job group by 1");
    }

    /** Every message stored and threaded, and no job due now left to run. */
    private static boolean finished(Connection db) throws SQLException {
        long messages = count(db, "select count(*) from message where direction = 'INBOUND'");
        long open = count(db, """
                select count(*) from processing_job
                where type <> 'FOLLOW_UP' and status in ('PENDING', 'RUNNING', 'FAILED')""");
        long expected = count(db, """
                select coalesce(sum(case when priority = 'EMERGENCY' then 2 else 3 end), 0)
                from message where direction = 'INBOUND'""");
        long jobs = count(db, "select count(distinct (message_id, type)) from processing_job where type <> 'FOLLOW_UP'");
        long notices = count(db, "select count(*) from notification where channel in ('EMAIL', 'SMS')");
        long expectedNotices = count(db, """
                select coalesce(sum(case priority when 'EMERGENCY' then 4 when 'HIGH' then 2 else 1 end), 0)
                from message where direction = 'INBOUND'""");
        long unsent = count(db, "select count(*) from notification where channel in ('EMAIL', 'SMS') and status = 'PENDING'");
        return messages >= MESSAGES && open == 0 && jobs >= expected && notices >= expectedNotices && unsent == 0;
    }

    private record Figures(int lost, int doubled, int doneJobs, int rerunJobs, int pendingFollowUps,
                           Map<String, Integer> priorities, List<String> problems) {
    }

    /** For every MessageSid: one webhook_event, one message, one job of each expected type, run to DONE once. */
    private static Figures check(Connection db, Set<String> sids) throws SQLException {
        Map<String, Integer> events = counts(db, "select provider_message_id, count(*) from webhook_event group by 1");
        Map<String, Integer> rows = counts(db, """
                select provider_message_id, count(*) from message where direction = 'INBOUND' group by 1""");
        Map<String, String> priorities = new HashMap<>();
        Map<String, Map<String, List<Job>>> jobsBySid = new HashMap<>();
        try (Statement statement = db.createStatement();
             ResultSet rs = statement.executeQuery("""
                     select m.provider_message_id, m.priority, j.type, j.status, j.attempts, j.enqueued_at, j.due_at
                     from message m left join processing_job j on j.message_id = m.id
                     where m.direction = 'INBOUND'""")) {
            while (rs.next()) {
                String sid = rs.getString(1);
                priorities.put(sid, rs.getString(2));
                if (rs.getString(3) != null) {
                    jobsBySid.computeIfAbsent(sid, s -> new HashMap<>())
                            .computeIfAbsent(rs.getString(3), t -> new ArrayList<>())
                            .add(new Job(rs.getString(4), rs.getInt(5), rs.getTimestamp(6) != null,
                                    rs.getTimestamp(7).toInstant()));
                }
            }
        }
        Instant now = Instant.now();
        int lost = 0;
        int doubled = 0;
        int done = 0;
        int rerun = 0;
        int followUps = 0;
        List<String> problems = new ArrayList<>();
        Map<String, Integer> mix = new TreeMap<>();
        for (String sid : sids) {
            int eventCount = events.getOrDefault(sid, 0);
            int messageCount = rows.getOrDefault(sid, 0);
            if (eventCount == 0 || messageCount == 0) {
                lost++;
                problems.add(sid + ": webhook_event " + eventCount + ", message " + messageCount);
                continue;
            }
            if (eventCount > 1 || messageCount > 1) {
                doubled++;
                problems.add(sid + ": webhook_event " + eventCount + ", message " + messageCount);
            }
            String priority = priorities.get(sid);
            mix.merge(priority, 1, Integer::sum);
            List<String> expected = "EMERGENCY".equals(priority)
                    ? List.of("AUTO_REPLY", "QUOTE_ESTIMATE")
                    : List.of("AUTO_REPLY", "QUOTE_ESTIMATE", "NOTIFY_STAFF", "FOLLOW_UP");
            Map<String, List<Job>> jobs = jobsBySid.getOrDefault(sid, Map.of());
            if (!jobs.keySet().equals(Set.copyOf(expected))) {
                problems.add(sid + " (" + priority + "): job types " + jobs.keySet() + ", expected " + expected);
            }
            boolean messageDoubled = false;
            boolean messageLost = false;
            for (String type : expected) {
                List<Job> ofType = jobs.getOrDefault(type, List.of());
                if (ofType.isEmpty()) {
                    messageLost = true;
                    continue;
                }
                if (ofType.size() > 1) {
                    messageDoubled = true;
                    problems.add(sid + ": " + ofType.size() + " " + type + " jobs");
                }
                Job job = ofType.get(0);
                if (type.equals("FOLLOW_UP")) {
                    // due at the response time (an hour or more away): must still be waiting, not run early
                    if (!job.status.equals("PENDING") || job.enqueued || !job.dueAt.isAfter(now)) {
                        problems.add(sid + ": FOLLOW_UP " + job);
                    } else {
                        followUps++;
                    }
                } else if (!job.status.equals("DONE") || job.attempts < 1) {
                    // attempts > 1 is allowed: a job RUNNING at the kill is run again after the
                    // restart (at least once inside); it is still one row, DONE once
                    problems.add(sid + ": " + type + " " + job);
                } else {
                    done++;
                    if (job.attempts > 1) {
                        rerun++;
                    }
                }
            }
            if (messageLost) {
                lost++;
                problems.add(sid + ": missing jobs, has " + jobs.keySet());
            }
            if (messageDoubled && eventCount == 1 && messageCount == 1) {
                doubled++;
            }
        }
        long failed = count(db, "select count(*) from processing_job where status in ('FAILED', 'DEAD')");
        if (failed > 0) {
            problems.add(failed + " jobs FAILED or DEAD");
        }
        long deadLetters = count(db, "select count(*) from dead_letter");
        if (deadLetters > 0) {
            problems.add(deadLetters + " dead letters");
        }
        long strays = count(db, "select count(*) from webhook_event") - sids.size();
        if (strays != 0) {
            problems.add(strays + " webhook_event rows beyond the messages sent");
        }
        return new Figures(lost, doubled, done, rerun, followUps, mix, problems);
    }

    private record Job(String status, int attempts, boolean enqueued, Instant dueAt) {
    }

    private record Held(int staff, int customers) {
    }

    /** Twilio holds its answers from now on; returns once a staff SMS and a customer SMS are held. */
    private Held holdTwilioAnswersUntilBothKindsAreHeld() {
        int before = twilio.accepted().size();
        twilio.answerAfter(HELD_ANSWERS);
        AtomicInteger staff = new AtomicInteger();
        AtomicInteger customers = new AtomicInteger();
        // still held: accepted since the hold began, and not yet answered (with a margin for the kill)
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20)).until(() -> {
            Instant answeredBefore = Instant.now().minus(HELD_ANSWERS).plusSeconds(5);
            List<TwilioStandIn.Accepted> since = twilio.accepted();
            List<TwilioStandIn.Accepted> held = since.subList(Math.min(before, since.size()), since.size()).stream()
                    .filter(m -> m.at().isAfter(answeredBefore)).toList();
            staff.set((int) held.stream().filter(m -> STAFF_PHONES.contains(m.to())).count());
            customers.set(held.size() - staff.get());
            return staff.get() > 0 && customers.get() > 0;
        });
        return new Held(staff.get(), customers.get());
    }

    private record Deliveries(Map<String, Integer> notifications, int staffSms, int customerSms, int smsLost,
                              int smsTwice, int emails, int emailNotices, int emailsLost, int emailsResent,
                              int emailsResentWithOtherId, List<String> problems) {
    }

    private record Notice(long id, String sid, String channel, String status, String recipient, String providerId) {
    }

    /**
     * Per message, its email and SMS notifications as the rules say, each SENT; per notification,
     * what the stand-ins received: its SMS accepted by Twilio once, its email received (again only
     * under the same Message-ID); per customer auto-reply, one accepted SMS; nothing else sent.
     */
    private static Deliveries checkDeliveries(Connection db, Set<String> sids, List<TwilioStandIn.Accepted> accepted,
                                              jakarta.mail.internet.MimeMessage[] emails) throws Exception {
        List<String> problems = new ArrayList<>();
        Map<String, String> priorities = new HashMap<>();
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(
                "select provider_message_id, priority from message where direction = 'INBOUND'")) {
            while (rs.next()) {
                priorities.put(rs.getString(1), rs.getString(2));
            }
        }
        List<Notice> notices = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery("""
                select n.id, m.provider_message_id, n.channel, n.status, n.recipient, n.provider_id
                from notification n join message m on m.id = n.message_id""")) {
            while (rs.next()) {
                notices.add(new Notice(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)));
            }
        }
        Map<String, Integer> byStatus = new TreeMap<>();
        notices.forEach(n -> byStatus.merge(n.channel + " " + n.status, 1, Integer::sum));

        // every message has the notices the rules give it, no more, and each ended SENT
        Map<String, Map<String, Integer>> perMessage = new HashMap<>();
        notices.forEach(n -> perMessage.computeIfAbsent(n.sid, s -> new TreeMap<>()).merge(n.channel, 1, Integer::sum));
        int missingNotices = 0;
        for (String sid : sids) {
            String priority = priorities.get(sid);
            if (priority == null) {
                continue; // the message itself is lost: check() says so
            }
            Map<String, Integer> expected = new TreeMap<>(expectedNotices(priority));
            Map<String, Integer> actual = perMessage.getOrDefault(sid, Map.of());
            if (!actual.equals(expected)) {
                missingNotices++;
                problems.add(sid + " (" + priority + "): notifications " + actual + ", expected " + expected);
            }
        }
        for (Notice notice : notices) {
            if (!"SENT".equals(notice.status)) {
                problems.add("notification " + notice.id + " (" + notice.channel + ") is " + notice.status);
            }
        }

        // SMS: each staff notification's SMS accepted once, as the row's provider id; each
        // customer auto-reply accepted once, as its job's result; nothing else
        Map<String, TwilioStandIn.Accepted> bySid = new HashMap<>();
        accepted.forEach(m -> bySid.put(m.sid(), m));
        // a staff SMS names its notification (ACK code): the same text twice is the same notice twice
        // (two auto-replies to one customer may read alike: they are told apart by their jobs below)
        Map<String, Integer> copies = new HashMap<>();
        accepted.stream().filter(m -> STAFF_PHONES.contains(m.to()))
                .forEach(m -> copies.merge(m.to() + "\n" + m.body(), 1, Integer::sum));
        copies.forEach((key, c) -> {
            if (c > 1) {
                problems.add("SMS sent " + c + " times to " + key.substring(0, key.indexOf('\n')) + ": "
                        + key.substring(key.indexOf('\n') + 1));
            }
        });
        Set<String> recorded = new java.util.HashSet<>();
        int smsLost = 0;
        for (Notice notice : notices) {
            if (notice.channel.equals("SMS") && notice.status.equals("SENT")) {
                TwilioStandIn.Accepted sms = bySid.get(notice.providerId);
                if (sms == null || !sms.to().equals(notice.recipient)) {
                    smsLost++;
                    problems.add("notification " + notice.id + ": SMS " + notice.providerId + " not accepted by Twilio");
                } else if (!recorded.add(notice.providerId)) {
                    problems.add("notification " + notice.id + ": SMS " + notice.providerId + " recorded twice");
                }
            }
        }
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery("""
                select j.id, j.result, m.from_number from processing_job j join message m on m.id = j.message_id
                where j.type = 'AUTO_REPLY' and j.status = 'DONE'""")) {
            while (rs.next()) {
                String result = rs.getString(2);
                if (result == null || !result.startsWith("sent ")) {
                    problems.add("AUTO_REPLY job " + rs.getLong(1) + ": " + result);
                    continue;
                }
                String sid = result.substring("sent ".length()).trim();
                TwilioStandIn.Accepted sms = bySid.get(sid);
                if (sms == null || !sms.to().equals(rs.getString(3))) {
                    smsLost++;
                    problems.add("AUTO_REPLY job " + rs.getLong(1) + ": SMS " + sid + " not accepted by Twilio");
                } else if (!recorded.add(sid)) {
                    problems.add("AUTO_REPLY job " + rs.getLong(1) + ": SMS " + sid + " recorded twice");
                }
            }
        }
        // every row and job records one SMS: one more accepted by Twilio is a second send
        int smsTwice = 0;
        for (TwilioStandIn.Accepted sms : accepted) {
            if (!recorded.contains(sms.sid())) {
                smsTwice++;
                problems.add("SMS " + sms.sid() + " to " + sms.to() + " accepted by Twilio, recorded by nothing: "
                        + sms.body());
            }
        }
        int staffSms = (int) accepted.stream().filter(m -> STAFF_PHONES.contains(m.to())).count();

        // email: each notification's email received (its body names the notification); copies only
        // under the Message-ID the row recorded
        java.util.regex.Pattern notificationLine = java.util.regex.Pattern.compile("Notification (\\d+) for message");
        Map<Long, List<String>> messageIds = new HashMap<>();
        for (jakarta.mail.internet.MimeMessage email : emails) {
            java.util.regex.Matcher matcher = notificationLine.matcher(String.valueOf(email.getContent()));
            if (matcher.find()) {
                messageIds.computeIfAbsent(Long.parseLong(matcher.group(1)), id -> new ArrayList<>())
                        .add(email.getMessageID());
            } else {
                problems.add("email " + email.getMessageID() + " names no notification");
            }
        }
        int emailNotices = 0;
        int emailsLost = 0;
        int resent = 0;
        int resentWithOtherId = 0;
        for (Notice notice : notices) {
            if (!notice.channel.equals("EMAIL")) {
                continue;
            }
            emailNotices++;
            List<String> ids = messageIds.remove(notice.id);
            if (ids == null) {
                if (notice.status.equals("SENT")) {
                    emailsLost++;
                    problems.add("notification " + notice.id + ": SENT, but no email received");
                }
                continue;
            }
            resent += ids.size() - 1;
            for (String id : ids) {
                if (!id.equals(notice.providerId)) {
                    resentWithOtherId++;
                    problems.add("notification " + notice.id + ": an email with Message-ID " + id
                            + ", the row recorded " + notice.providerId);
                }
            }
        }
        messageIds.forEach((id, ids) -> problems.add("emails " + ids + " for notification " + id + ", not in the table"));
        return new Deliveries(byStatus, staffSms, accepted.size() - staffSms, smsLost, smsTwice, emails.length,
                emailNotices, emailsLost, resent, resentWithOtherId, problems);
    }

    /** config/rules.yaml with the staff and notification sections above. */
    private void writeRules() throws IOException {
        String rules = Files.readString(Path.of("config/rules.yaml"), StandardCharsets.UTF_8);
        int staff = rules.indexOf("\nstaff:\n");
        assertThat(staff).as("config/rules.yaml: staff and notifications come last").isPositive();
        assertThat(rules.indexOf("\nnotifications:\n")).isGreaterThan(staff);
        Files.writeString(workDir.resolve("rules.yaml"), rules.substring(0, staff + 1) + STAFF_AND_NOTIFICATIONS,
                StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- the service process

    private void start() throws IOException {
        run++;
        Path log = workDir.resolve("service-" + run + ".log");
        ProcessBuilder builder = ServiceProcess.builder("512m",
                "--server.port=" + httpPort,
                "--intake.data-dir=" + workDir.resolve("data"),
                "--intake.ws.port=" + wsPort,
                "--management.server.port=" + managementPort,
                "--intake.embedded-postgres.port=" + postgresPort,
                "--intake.public-base-url=" + WebhookClient.PUBLIC_BASE_URL,
                "--intake.twilio.auth-token=" + WebhookClient.TWILIO_TOKEN,
                "--intake.rules.file=" + workDir.resolve("rules.yaml"),
                // a send cut off by the kill is sent again once its claim runs out: 30 s (the default 60 s) still
                // outlasts every send the stand-in holds (HELD_ANSWERS), and the restart waits half as long for it
                "--intake.notify.claim-lease=30s")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // the providers, configured: the stand-ins of this JVM, on loopback
        builder.environment().putAll(Map.of(
                "SMTP_HOST", "127.0.0.1",
                "SMTP_PORT", Integer.toString(mail.port()),
                "SMTP_REQUIRE_STARTTLS", "false",
                "SMTP_FROM", "intake@plumbline.example",
                "TWILIO_ACCOUNT_SID", TwilioStandIn.ACCOUNT_SID,
                "TWILIO_AUTH_TOKEN", WebhookClient.TWILIO_TOKEN,
                "TWILIO_FROM_NUMBER", TwilioStandIn.FROM_NUMBER,
                "TWILIO_API_URL", twilio.baseUrl()));
        service = builder.start();
        WebhookClient client = new WebhookClient(httpPort);
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            assertThat(service.isAlive()).as("service run %d exited; its log:%n%s", run, tail(log)).isTrue();
            try {
                if (client.get("/health").statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // connection refused while it starts
            }
            sleep(500);
        }
        throw new AssertionError("service run " + run + " not healthy after " + STARTUP + "; its log:\n" + tail(log));
    }

    /** SIGTERM, then the time until the service (and its embedded PostgreSQL) exited by itself. */
    private Duration stopGracefully() throws Exception {
        Instant sent = Instant.now();
        ProcessHandle postgres = postmaster().orElseThrow();
        service.toHandle().destroy();
        try {
            service.onExit().get(GRACEFUL_EXIT.toSeconds(), TimeUnit.SECONDS);
            postgres.onExit().get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("service or its PostgreSQL still running " + GRACEFUL_EXIT + " after SIGTERM; log:\n"
                    + tail(workDir.resolve("service-" + run + ".log")));
        }
        service = null;
        return Duration.between(sent, Instant.now());
    }

    /**
     * SIGKILL to the service and to its embedded PostgreSQL, as a power cut would: the postmaster
     * is not the JVM's child (pg_ctl daemonises it), so it is found through its postmaster.pid.
     */
    private void killHard() {
        List<ProcessHandle> victims = new ArrayList<>();
        if (service != null) {
            victims.add(service.toHandle());
            service.toHandle().descendants().forEach(victims::add);
        }
        postmaster().ifPresent(postgres -> {
            victims.add(postgres);
            postgres.descendants().forEach(victims::add);
        });
        victims.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle victim : victims) {
            try {
                victim.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("process " + victim.pid() + " did not die", e);
            }
        }
        service = null;
    }

    private java.util.Optional<ProcessHandle> postmaster() {
        Path pidFile = workDir.resolve("data/postgres/postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return java.util.Optional.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            return ProcessHandle.of(pid).filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    // ---------------------------------------------------------------- the provider

    /** One delivery: the answer's status, 0 when the connection failed (refused, cut). Only 200 acknowledges. */
    private static int send(WebhookClient client, Map<String, String> sms) {
        try {
            return client.postTwilio(SMS, sms).statusCode();
        } catch (RuntimeException connectionLost) {
            return 0;
        }
    }

    /** As Twilio retries: a few times, a little apart. */
    private static boolean sendWithRetries(WebhookClient client, Map<String, String> sms) {
        for (int attempt = 0; attempt < 5; attempt++) {
            if (send(client, sms) == 200) {
                return true;
            }
            sleep(1000);
        }
        return false;
    }

    private static Map<String, String> sms(int i) {
        String sid = String.format("SM%032x", 0xC0FFEE000L + i);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ToCountry", "US");
        params.put("SmsMessageSid", sid);
        params.put("NumMedia", "0");
        params.put("SmsSid", sid);
        params.put("SmsStatus", "received");
        params.put("Body", BODIES.get(i % BODIES.size()));
        params.put("FromCountry", "US");
        params.put("To", "+15125550100");
        params.put("NumSegments", "1");
        params.put("MessageSid", sid);
        params.put("AccountSid", "AC00000000000000000000000000000001");
        // 97 customers (staff numbers are +1512555018x: avoided, they would be staff replies)
        params.put("From", "+1512555" + (2000 + i % 97));
        params.put("ApiVersion", "2010-04-01");
        return params;
    }

    // ---------------------------------------------------------------- small helpers

    private static Map<String, Integer> counts(Connection db, String sql) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
        }
        return counts;
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
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
