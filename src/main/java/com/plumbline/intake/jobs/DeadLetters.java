package com.plumbline.intake.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Dead letters: stored from intake.dlq, listed, replayed once, deleted. */
@Component("deadLetters")
public class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final DeadLetterRepository deadLetters;
    private final ProcessingJobRepository jobs;
    private final JobMetrics metrics;
    private final ProducerTemplate producer;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public DeadLetters(DeadLetterRepository deadLetters, ProcessingJobRepository jobs, JobMetrics metrics,
                       ProducerTemplate producer, TransactionTemplate transaction, Clock clock) {
        this.deadLetters = deadLetters;
        this.jobs = jobs;
        this.metrics = metrics;
        this.producer = producer;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** A job from the dead letter channel: the job is DEAD and a dead_letter row says why (once per failure). */
    @Transactional
    public void record(@Body String payload,
                       @Header("jobId") String jobIdHeader,
                       @Header("jobType") String jobType,
                       @Header("jobPriority") String priority,
                       @Header(JobFailures.EXCEPTION_CLASS) String exceptionClass,
                       @Header(JobFailures.EXCEPTION_MESSAGE) String exceptionMessage,
                       @Header(JobFailures.ATTEMPTS) Integer attempts) {
        Long jobId = jobIdOrNull(jobIdHeader);
        if (jobId != null && deadLetters.existsByJobIdAndReplayedAtIsNull(jobId)) {
            return; // the same failure delivered twice
        }
        String reason = exceptionMessage == null ? "unreadable job message" : exceptionMessage;
        // the job's row counts every attempt, including those before a crash
        int tried = jobId == null ? (attempts == null ? 1 : attempts)
                : jobs.findById(jobId).map(ProcessingJob::getAttempts).orElse(attempts == null ? 1 : attempts);
        if (jobId != null) {
            jobs.failed(jobId, JobStatus.DEAD, reason, clock.instant());
        }
        deadLetters.save(new DeadLetter(jobId, jobType, priority, exceptionClass, reason, tried, payload, clock.instant()));
        metrics.deadLettered(String.valueOf(jobType), String.valueOf(priority));
        LOG.warn("Job {} ({}) is dead after {} attempt(s): {}", jobId, jobType, tried, reason);
    }

    /** A dead letter may be dead precisely because its job id is unreadable. */
    static Long jobIdOrNull(String header) {
        try {
            return header == null ? null : Long.valueOf(header.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public List<DeadLetter> list(int limit) {
        return deadLetters.findAllByOrderByIdDesc(PageRequest.of(0, limit));
    }

    public Optional<DeadLetter> find(long id) {
        return deadLetters.findById(id);
    }

    public enum ReplayOutcome { REPLAYED, ALREADY_REPLAYED, NOT_FOUND, NO_JOB }

    /**
     * Puts the job back on the queue, once; the job's row keeps it from running twice. The ticket
     * is queued after the commit, so the consumer sees the job pending; should queueing fail, the
     * due-jobs poller queues the pending job later.
     */
    public ReplayOutcome replay(long id) {
        Optional<DeadLetter> deadLetter = deadLetters.findById(id);
        if (deadLetter.isEmpty()) {
            return ReplayOutcome.NOT_FOUND;
        }
        Long jobId = deadLetter.get().getJobId();
        if (jobId == null) {
            return ReplayOutcome.NO_JOB;
        }
        Instant now = clock.instant();
        Boolean revived = transaction.execute(status -> {
            if (deadLetters.markReplayed(id, now) == 0) {
                return null;
            }
            return jobs.revive(jobId, now) == 1;
        });
        if (revived == null) {
            return ReplayOutcome.ALREADY_REPLAYED;
        }
        if (revived) {
            ProcessingJob job = jobs.findById(jobId).orElseThrow();
            producer.sendBody("direct:enqueue-job", JobTicket.of(job));
            transaction.executeWithoutResult(status -> jobs.enqueued(jobId, clock.instant()));
        }
        return ReplayOutcome.REPLAYED;
    }

    @Transactional
    public boolean delete(long id) {
        if (!deadLetters.existsById(id)) {
            return false;
        }
        deadLetters.deleteById(id);
        return true;
    }
}
