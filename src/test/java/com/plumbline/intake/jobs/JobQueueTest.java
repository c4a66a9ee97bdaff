package com.plumbline.intake.jobs;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.plumbline.intake.ingress.Channel;
import com.plumbline.intake.ingress.InboundMessage;
import com.plumbline.intake.ingress.Provider;
import com.plumbline.intake.rules.Priority;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import com.plumbline.intake.support.IntakeIntegrationTest;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The durable job queue on Artemis: priority order, exponential-backoff redelivery, the dead
 * letter channel and replay. The quote-estimate handler is made to fail on demand.
 */
class JobQueueTest extends IntakeIntegrationTest {

    @DynamicPropertySource
    static void oneConsumerAndQuickRetries(DynamicPropertyRegistry registry) {
        registry.add("intake.jobs.consumers", () -> "1");
        registry.add("intake.jobs.redelivery.initial-delay", () -> "200");
        registry.add("intake.jobs.redelivery.maximum-redeliveries", () -> "2");
    }

    /** Failures still to throw, per job id (-1: always), and when each attempt ran. */
    static final Map<Long, AtomicInteger> FAILURES = new ConcurrentHashMap<>();
    static final Map<Long, List<Instant>> ATTEMPTS = new ConcurrentHashMap<>();
    /** Failures still to throw for jobs not in FAILURES (their ids are not known before they run). */
    static final AtomicInteger OTHER_JOBS_FAILING = new AtomicInteger();
    private static final java.util.Set<CamelContext> ADVISED = ConcurrentHashMap.newKeySet();

    @Autowired
    ProducerTemplate producer;
    @Autowired
    Jobs jobs;
    @Autowired
    ObjectMapper json;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    EntityManagerFactory entityManagerFactory;

    long messageId;
    long conversationId;

    @BeforeEach
    void aMessageAndAFlakyHandler() throws Exception {
        long customer = jdbc.queryForObject(
                "insert into customer (phone_e164, phone_valid) values ('+15125550170', true) returning id", Long.class);
        conversationId = jdbc.queryForObject("""
                insert into conversation (customer_id, status, opened_at, last_message_at, closes_at)
                values (?, 'OPEN', now(), now(), now() + interval '1 day') returning id""", Long.class, customer);
        messageId = jdbc.queryForObject("""
                insert into message (conversation_id, provider, provider_message_id, channel, direction, from_number,
                                     body, priority, service_type, response_due, received_at)
                values (?, 'TEST', 'job-test', 'SMS', 'INBOUND', '+15125550170', 'drain clogged', 'MEDIUM',
                        'DRAIN_CLEANING', now() + interval '2 hours', now()) returning id""", Long.class, conversationId);
        FAILURES.clear();
        ATTEMPTS.clear();
        OTHER_JOBS_FAILING.set(0);
        if (ADVISED.add(camel)) {
            AdviceWith.adviceWith(camel, "job-quote-estimate", route -> route.weaveAddFirst().process(exchange -> {
                long jobId = exchange.getMessage().getHeader("jobId", Long.class);
                ATTEMPTS.computeIfAbsent(jobId, id -> new CopyOnWriteArrayList<>()).add(Instant.now());
                AtomicInteger left = FAILURES.get(jobId);
                boolean fail = left != null ? left.get() < 0 || left.getAndDecrement() > 0
                        : OTHER_JOBS_FAILING.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
                if (fail) {
                    throw new java.net.SocketTimeoutException("quote service timed out");
                }
            }));
        }
    }

    @Test
    void anEmergencyOvertakesTwoHundredWaitingJobs() throws Exception {
        camel.getRouteController().stopRoute("jobs");
        for (int i = 0; i < 200; i++) {
            enqueue(quoteJob(Priority.LOW));
        }
        long emergency = quoteJob(Priority.EMERGENCY);
        enqueue(emergency);

        camel.getRouteController().startRoute("jobs");
        await().atMost(Duration.ofSeconds(90)).until(() -> count("status = 'DONE'") == 201);

        List<Long> order = jdbc.queryForList("select id from processing_job order by started_at, id", Long.class);
        assertThat(order.indexOf(emergency)).as("position of the emergency among 201 jobs").isLessThan(5);
    }

    /**
     * A quote estimate calls no provider, so it runs in the transaction of its message; when it
     * fails there, the message rolls back and the broker redelivers it, and the redelivery queues
     * the job, whose retries run it. The message is stored once, each job done once.
     */
    @Test
    void aJobThatFailsWhereItsMessageIsProcessedIsDoneFromTheQueueAfterTheRedelivery() throws Exception {
        OTHER_JOBS_FAILING.set(1);
        String inbound = json.writeValueAsString(new InboundMessage(Provider.TEST, "fails-where-created", Channel.SMS,
                "+15125550171", "+15125550100", "the kitchen sink drain is clogged", List.of(), Instant.now(), "{}"));
        camel.getRouteController().startRoute("classify");
        try {
            producer.sendBody("jms:queue:intake.inbound", inbound);

            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("""
                    select count(*) from processing_job j join message m on m.id = j.message_id
                    where m.provider_message_id = 'fails-where-created' and j.type = 'QUOTE_ESTIMATE' and j.status = 'DONE'""",
                    Integer.class) == 1);
        } finally {
            camel.getRouteController().stopRoute("classify");
        }
        long message = jdbc.queryForObject("select id from message where provider_message_id = 'fails-where-created'",
                Long.class);
        long quote = jdbc.queryForObject("select id from processing_job where message_id = ? and type = 'QUOTE_ESTIMATE'",
                Long.class, message);
        assertThat(jdbc.queryForObject("select count(*) from message where provider_message_id = 'fails-where-created'",
                Integer.class)).isEqualTo(1);
        // the failed run's job row was rolled back with its message (its id is not this one's)
        assertThat(ATTEMPTS.values().stream().mapToInt(List::size).sum()).as("runs of any quote job").isEqualTo(2);
        assertThat(ATTEMPTS.get(quote)).as("runs of the job the redelivery created, from the queue").hasSize(1);
        assertThat(jdbc.queryForObject("select attempts from processing_job where id = ?", Integer.class, quote))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select status from processing_job where message_id = ? and type = 'NOTIFY_STAFF'",
                String.class, message)).isEqualTo("DONE");
        assertThat(jdbc.queryForObject("select count(*) from dead_letter", Integer.class)).isZero();
    }

    /**
     * The due-jobs poller holds the rows it takes until it has queued them: a second poller (another
     * instance) skips them, and a claim of a job whose ticket is already out waits for the poller
     * rather than being overwritten by its flush (found by CrashSafetyIT: a job DONE with attempts=0).
     */
    @Test
    void theDueJobsPollerLocksItsRowsSoASecondPollerSkipsThemAndAClaimIsNotLost() throws Exception {
        camel.getRouteController().stopRoute("due-jobs");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            long job = quoteJob(Priority.LOW);
            jdbc.update("update processing_job set due_at = now() - interval '1 second' where id = ?", job);
            CountDownLatch taken = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<List<Long>> poller = threads.submit(() -> inTransaction(em -> {
                List<ProcessingJob> due = em.createNamedQuery("ProcessingJob.due", ProcessingJob.class).getResultList();
                taken.countDown();
                await().atMost(Duration.ofSeconds(30)).until(() -> release.getCount() == 0);
                due.forEach(ProcessingJob::markEnqueued);
                return due.stream().map(ProcessingJob::getId).toList();
            }));
            taken.await(30, TimeUnit.SECONDS);

            List<Long> secondPoller = inTransaction(em -> em.createNamedQuery("ProcessingJob.due", ProcessingJob.class)
                    .getResultList().stream().map(ProcessingJob::getId).toList());
            Future<Boolean> claim = threads.submit(() -> jobs.claim(String.valueOf(job), false, null, new java.util.HashMap<>()));
            boolean claimFinishedWhilePollerHeldTheRow = waitFor(claim, Duration.ofMillis(500));
            release.countDown();

            assertThat(poller.get(30, TimeUnit.SECONDS)).contains(job);
            assertThat(secondPoller).doesNotContain(job);
            assertThat(claimFinishedWhilePollerHeldTheRow).as("claim waited for the poller's lock").isFalse();
            assertThat(claim.get(30, TimeUnit.SECONDS)).isTrue();
            assertThat(jdbc.queryForMap("select status, attempts, enqueued_at from processing_job where id = ?", job))
                    .containsEntry("status", "RUNNING").containsEntry("attempts", 1)
                    .hasEntrySatisfying("enqueued_at", enqueued -> assertThat(enqueued).isNotNull());
        } finally {
            threads.shutdownNow();
            camel.getRouteController().startRoute("due-jobs");
        }
    }

    private <T> T inTransaction(Function<EntityManager, T> work) {
        return new TransactionTemplate(transactions).execute(status ->
                work.apply(EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagerFactory)));
    }

    private static boolean waitFor(Future<?> future, Duration time) throws Exception {
        try {
            future.get(time.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException stillWaiting) {
            return false;
        }
    }

    @Test
    void aJobFailingTwiceSucceedsOnTheThirdAttemptWithGrowingDelays() {
        long job = quoteJob(Priority.HIGH);
        FAILURES.put(job, new AtomicInteger(2));

        enqueue(job);

        await().atMost(Duration.ofSeconds(20)).until(() -> "DONE".equals(status(job)));
        assertThat(jdbc.queryForObject("select attempts from processing_job where id = ?", Integer.class, job)).isEqualTo(3);
        List<Instant> attempts = ATTEMPTS.get(job);
        assertThat(attempts).hasSize(3);
        Duration first = Duration.between(attempts.get(0), attempts.get(1));
        Duration second = Duration.between(attempts.get(1), attempts.get(2));
        assertThat(first).isGreaterThanOrEqualTo(Duration.ofMillis(180));
        assertThat(second).isGreaterThan(first);
        assertThat(jdbc.queryForObject("select count(*) from dead_letter", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select quote_min from conversation where id = ?", Integer.class, conversationId))
                .isEqualTo(125);
    }

    @Test
    void aJobThatAlwaysFailsIsDeadAndRunsOnceMoreWhenReplayed() throws Exception {
        long job = quoteJob(Priority.MEDIUM);
        FAILURES.put(job, new AtomicInteger(-1));

        enqueue(job);

        await().atMost(Duration.ofSeconds(20)).until(() -> "DEAD".equals(status(job)));
        Map<String, Object> deadLetter = jdbc.queryForMap("select * from dead_letter");
        assertThat(deadLetter).containsEntry("job_id", job).containsEntry("attempts", 3)
                .containsEntry("exception_class", "java.net.SocketTimeoutException")
                .containsEntry("exception_message", "quote service timed out");
        assertThat(ATTEMPTS.get(job)).hasSize(3);
        assertThat(asAdmin().get("/api/dead-letters").body()).contains("quote service timed out");
        assertThat(asAdmin().get("/api/jobs?status=DEAD").body()).contains("\"id\":" + job);
        assertThat(managementAsAdmin().get("/actuator/prometheus").body())
                .containsPattern("intake_dead_letters_total\\{[^}]*stage=\"jobs\"[^}]*type=\"QUOTE_ESTIMATE\"")
                .containsPattern("intake_jobs_retries_total\\{[^}]*type=\"QUOTE_ESTIMATE\"");

        FAILURES.remove(job); // the cause is fixed
        long deadLetterId = ((Number) deadLetter.get("id")).longValue();
        HttpResponse<String> replay = asAdmin().post("/api/dead-letters/" + deadLetterId + "/replay", "application/json", "");
        HttpResponse<String> again = asAdmin().post("/api/dead-letters/" + deadLetterId + "/replay", "application/json", "");

        assertThat(replay.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(409);
        await().atMost(Duration.ofSeconds(20)).until(() -> "DONE".equals(status(job)));
        // DONE: the due-jobs poller reads only PENDING rows; no ticket is left on intake.jobs, nor a retry in flight
        awaitDeliveriesSettled();
        assertThat(ATTEMPTS.get(job)).hasSize(4);
        assertThat(jdbc.queryForObject("select count(*) from dead_letter", Integer.class)).isEqualTo(1);
    }

    @Test
    void aPermanentFailureGoesToTheDeadLetterChannelAtOnce() {
        long job = jdbc.queryForObject("""
                insert into processing_job (message_id, conversation_id, type, priority, status, due_at)
                values (null, null, 'QUOTE_ESTIMATE', 'LOW', 'PENDING', now() + interval '1 day') returning id""", Long.class);

        enqueue(job);

        await().atMost(Duration.ofSeconds(20)).until(() -> "DEAD".equals(status(job)));
        assertThat(ATTEMPTS.get(job)).hasSize(1);
        assertThat(jdbc.queryForObject("select exception_message from dead_letter", String.class))
                .contains("has no message");
    }

    @Test
    void anUnreadableJobMessageIsDeadLetteredWithAClearReason() {
        producer.sendBodyAndHeaders(camel.resolvePropertyPlaceholders("{{intake.jobs.endpoint}}"), "garbage", Map.of("jobId", "not-a-number", "jobType", "AUTO_REPLY"));

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("select count(*) from dead_letter", Integer.class) == 1);
        Map<String, Object> deadLetter = jdbc.queryForMap("select * from dead_letter");
        assertThat(deadLetter.get("job_id")).isNull();
        assertThat((String) deadLetter.get("exception_message")).contains("Unreadable job message");
        assertThat(deadLetter).containsEntry("attempts", 1).containsEntry("original_payload", "garbage");
        assertThat(asAdmin().post("/api/dead-letters/" + deadLetter.get("id") + "/replay", "application/json", "").statusCode())
                .isEqualTo(409);
        assertThat(asAdmin().delete("/api/dead-letters/" + deadLetter.get("id"))).isEqualTo(204);
        assertThat(asAdmin().get("/api/dead-letters/" + deadLetter.get("id")).statusCode()).isEqualTo(404);
    }

    @Test
    void cleanupPurgesOldDoneJobsOnly() {
        long oldDone = quoteJob(Priority.LOW);
        long recentDone = quoteJob(Priority.LOW);
        long oldDead = quoteJob(Priority.LOW);
        jdbc.update("update processing_job set status = 'DONE', finished_at = now() - interval '8 days' where id = ?", oldDone);
        jdbc.update("update processing_job set status = 'DONE', finished_at = now() - interval '1 day' where id = ?", recentDone);
        jdbc.update("update processing_job set status = 'DEAD', updated_at = now() - interval '30 days' where id = ?", oldDead);

        producer.sendBody("bean:jobCleanup?method=purge", null);

        assertThat(jdbc.queryForList("select id from processing_job order by id", Long.class))
                .containsExactly(recentDone, oldDead);
    }

    /** A quote job of its own message: a message has one job of each type (unique message_id, type). */
    private long quoteJob(Priority priority) {
        long message = jdbc.queryForObject("""
                insert into message (conversation_id, provider, provider_message_id, channel, direction, from_number,
                                     body, priority, service_type, response_due, received_at)
                select conversation_id, provider, provider_message_id || '-' || ?, channel, direction, from_number,
                       body, priority, service_type, response_due, received_at
                from message where id = ? returning id""", Long.class, System.nanoTime(), messageId);
        return jdbc.queryForObject("""
                insert into processing_job (message_id, conversation_id, type, priority, status, due_at)
                values (?, ?, 'QUOTE_ESTIMATE', ?, 'PENDING', now() + interval '1 day') returning id""",
                Long.class, message, conversationId, priority.name());
    }

    private void enqueue(long jobId) {
        String priority = status(jobId) == null ? "LOW" : jdbc.queryForObject("select priority from processing_job where id = ?", String.class, jobId);
        producer.sendBody("direct:enqueue-job", new JobTicket(jobId, JobType.QUOTE_ESTIMATE, Priority.valueOf(priority)));
    }

    private String status(long jobId) {
        List<String> status = jdbc.queryForList("select status from processing_job where id = ?", String.class, jobId);
        return status.isEmpty() ? null : status.get(0);
    }

    private int count(String where) {
        return jdbc.queryForObject("select count(*) from processing_job where " + where, Integer.class);
    }
}
