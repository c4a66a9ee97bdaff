package com.plumbline.intake.jobs;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.plumbline.intake.conversation.OutboundMessages;
import com.plumbline.intake.support.TwilioStandIn;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The auto-replies of a batch of messages (the relay's batches under a backlog): one ticket, claimed in one transaction
 * and finished in one, each customer texted once; a job of the batch that fails, or a batch whose finish fails, goes
 * back on the queue job by job, and a reply Twilio already took is found there, not sent again.
 */
class JobBatchTest extends JobBatchTestSupport {

    private static final AtomicBoolean FAIL_FINISH_ONCE = new AtomicBoolean();
    private static final AtomicBoolean FAIL_RETRY_ALONE_ONCE = new AtomicBoolean();
    private static final Set<CamelContext> ADVISED = ConcurrentHashMap.newKeySet();
    private static final Set<CamelContext> ADVISED_RETRY = ConcurrentHashMap.newKeySet();

    @Autowired
    private OutboundMessages outbound;
    @Autowired
    private DeadLetters deadLetters;
    @Autowired
    private TransactionTemplate transaction;

    @Test
    void aBatchsAutoRepliesAreOneTicketClaimedAndFinishedTogether() throws Exception {
        long ticketsBefore = brokerMessagesAdded("intake.jobs");

        sendBatch("jb-one");

        awaitAutoRepliesDone();
        assertThat(jdbc.queryForList("select distinct priority from message where direction = 'INBOUND'", String.class)).hasSize(1);
        assertThat(brokerMessagesAdded("intake.jobs") - ticketsBefore).as("tickets on intake.jobs for the three").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(distinct xmin::text) from processing_job where type = 'AUTO_REPLY'",
                Integer.class)).as("transactions that finished the three").isEqualTo(1);
        assertThat(jdbc.queryForList("select attempts from processing_job where type = 'AUTO_REPLY'", Integer.class))
                .containsExactly(1, 1, 1);
        assertEachCustomerTextedOnceAndRecorded();
    }

    @Test
    void aJobThatFailsInABatchGoesBackAloneAndItsReplyIsNotSentTwice() throws Exception {
        // Twilio takes the first reply, but the answer never arrives: that job fails, the others finish
        TWILIO.takeNextButFailTheAnswer();
        NotifyBuilder retried = new NotifyBuilder(camel).fromRoute("jobs").wereSentTo("direct:retry-job-alone")
                .whenDone(1).create();

        sendBatch("jb-fail");

        assertThat(retried.matches(30, TimeUnit.SECONDS)).as("the failed job back on the queue alone").isTrue();
        awaitAutoRepliesDone();
        assertThat(jdbc.queryForObject("select count(distinct xmin::text) from processing_job where type = 'AUTO_REPLY'",
                Integer.class)).as("the two finished together, the third on its own").isEqualTo(2);
        assertEachCustomerTextedOnceAndRecorded();
    }

    @Test
    void aBatchWhoseFinishFailsGoesBackJobByJobAndNoReplyIsSentTwice() throws Exception {
        failTheNextFinish();
        NotifyBuilder unbatched = new NotifyBuilder(camel).fromRoute("jobs").wereSentTo("direct:unbatch-jobs")
                .whenDone(1).create();

        sendBatch("jb-finish");

        assertThat(unbatched.matches(30, TimeUnit.SECONDS)).as("the batch split up after its finish failed").isTrue();
        awaitAutoRepliesDone();
        assertThat(jdbc.queryForList("select attempts from processing_job where type = 'AUTO_REPLY'", Integer.class))
                .as("each claimed by the batch, then taken over alone").containsExactly(2, 2, 2);
        assertEachCustomerTextedOnceAndRecorded();
    }

    @Test
    void aBatchWhoseJobsCouldNotGoBackOnTheQueueIsSplitUpAgainWhenTheErrorHandlerDeliversItAgain() throws Exception {
        failTheNextFinish();
        failTheNextRetryAlone();

        sendBatch("jb-refused");

        awaitAutoRepliesDone();
        assertEachCustomerTextedOnceAndRecorded();
    }

    @Test
    void aDeadBatchTicketIsADeadLetterForEachJobNotDoneAndEachCanBeReplayed() throws Exception {
        sendBatch("jb-dead");
        awaitAutoRepliesDone();
        List<Long> ids = jdbc.queryForList("select id from processing_job where type = 'AUTO_REPLY' order by id", Long.class);
        // as if the batch had been claimed and its run then failed for good: two jobs running, one done
        jdbc.update("update processing_job set status = 'RUNNING' where id in (?, ?)", ids.get(0), ids.get(1));
        String jobIds = ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));

        producer.sendBodyAndHeaders("jms:queue:intake.dlq", jobIds, java.util.Map.of(JobBatches.JOB_IDS, jobIds,
                JobFailures.EXCEPTION_MESSAGE, "the database is down", JobFailures.EXCEPTION_CLASS, "java.sql.SQLException"));

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from dead_letter where job_id in (?, ?, ?)", Integer.class, ids.toArray()) == 2);
        assertThat(jdbc.queryForList("select job_type from dead_letter where job_id in (?, ?)", String.class, ids.get(0), ids.get(1)))
                .containsOnly("AUTO_REPLY").hasSize(2);
        assertThat(jdbc.queryForList("select status from processing_job where id in (?, ?, ?) order by id", String.class,
                ids.toArray())).containsExactly("DEAD", "DEAD", "DONE");
        long letter = jdbc.queryForObject("select id from dead_letter where job_id = ?", Long.class, ids.get(0));
        assertThat(deadLetters.replay(letter)).isEqualTo(DeadLetters.ReplayOutcome.REPLAYED);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select status from processing_job where id = ?", String.class, ids.get(0)), "DONE"::equals);
        awaitDeliveriesSettled();
    }

    @Test
    void aBatchsFinishDoesNotWaitForAConversationAMessageBeingProcessedHolds() throws Exception {
        sendBatch("jb-busy");
        awaitAutoRepliesDone();
        long conversation = jdbc.queryForObject("select conversation_id from message where provider_message_id = 'jb-busy-0'",
                Long.class);
        Timestamp before = jdbc.queryForObject("select last_message_at from conversation where id = ?", Timestamp.class, conversation);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService processing = Executors.newSingleThreadExecutor();
        try {
            // as the transaction of a batch of messages holds its customers' conversations until it commits
            Future<?> holder = processing.submit(() -> transaction.executeWithoutResult(status -> {
                jdbc.queryForList("select id from conversation where id = ? for no key update", conversation);
                held.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

            Set<Long> busy = transaction.execute(status -> outbound.smsSent(List.of(new OutboundMessages.Sms(conversation,
                    OutboundMessages.SentBy.AUTO_REPLY, "SMjb-busy", TwilioStandIn.FROM_NUMBER, CUSTOMERS.get(0), "On our way"))));

            assertThat(busy).as("conversations left for later").containsExactly(conversation);
            assertThat(jdbc.queryForObject("select count(*) from message where provider_message_id = 'SMjb-busy'", Integer.class))
                    .as("the SMS stored without waiting").isEqualTo(1);
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            outbound.touch(conversation);
            assertThat(jdbc.queryForObject("select last_message_at from conversation where id = ?", Timestamp.class, conversation))
                    .isAfter(before);
        } finally {
            release.countDown();
            processing.shutdownNow();
        }
    }




    /** The next job put back on the queue alone is refused (as by a broker that is down), once. */
    private void failTheNextRetryAlone() throws Exception {
        if (ADVISED_RETRY.add(camel)) {
            AdviceWith.adviceWith(camel, "retry-job-alone", route -> route.weaveAddFirst().process(exchange -> {
                if (FAIL_RETRY_ALONE_ONCE.compareAndSet(true, false)) {
                    throw new IllegalStateException("the broker refuses the job, once, as the test asks");
                }
            }));
        }
        FAIL_RETRY_ALONE_ONCE.set(true);
    }

    /** The next batch of jobs fails at its finishing commit (after its replies went out), once. */
    private void failTheNextFinish() throws Exception {
        if (ADVISED.add(camel)) {
            AdviceWith.adviceWith(camel, "run-job-batch", route -> route.weaveByToString("Bean\\[.*method:finish.*").before()
                    .process(exchange -> {
                        if (FAIL_FINISH_ONCE.compareAndSet(true, false)) {
                            throw new IllegalStateException("the batch's finish fails once, as the test asks");
                        }
                    }));
        }
        FAIL_FINISH_ONCE.set(true);
    }
}
