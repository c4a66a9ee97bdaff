package com.plumbline.intake.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.plumbline.intake.notify.Dispatch;
import com.plumbline.intake.notify.Notification;
import com.plumbline.intake.notify.NotificationStatus;
import com.plumbline.intake.notify.Notifications;
import com.plumbline.intake.notify.NotifyChannel;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Dead letters: stored from intake.dlq (jobs) and notify.dead (notifications), listed, replayed once, deleted. */
@Component("deadLetters")
public class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final DeadLetterRepository deadLetters;
    private final ProcessingJobRepository jobs;
    private final JobMetrics metrics;
    private final ProducerTemplate producer;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Notifications notifications;

    public DeadLetters(DeadLetterRepository deadLetters, ProcessingJobRepository jobs, JobMetrics metrics,
                       ProducerTemplate producer, TransactionTemplate transaction, Clock clock,
                       Notifications notifications) {
        this.notifications = notifications;
        this.deadLetters = deadLetters;
        this.jobs = jobs;
        this.metrics = metrics;
        this.producer = producer;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * A job from the dead letter channel: the job is DEAD and a dead_letter row says why (once per failure). A batch's
     * ticket (header {@code jobIds}, routes/jobs.camel.yaml, run-job-batch) is each of its jobs not done, each with a
     * dead letter of its own, so that each can be replayed.
     */
    @Transactional
    public void record(@Body String payload,
                       @Header("jobId") String jobIdHeader,
                       @Header(JobBatches.JOB_IDS) String jobIdsHeader,
                       @Header("jobType") String jobType,
                       @Header("jobPriority") String priority,
                       @Header(JobFailures.EXCEPTION_CLASS) String exceptionClass,
                       @Header(JobFailures.EXCEPTION_MESSAGE) String exceptionMessage,
                       @Header(JobFailures.ATTEMPTS) Integer attempts) {
        String reason = exceptionMessage == null ? "unreadable job message" : exceptionMessage;
        if (jobIdHeader == null && jobIdsHeader != null) {
            for (String id : jobIdsHeader.split(",")) {
                Optional<ProcessingJob> job = Optional.ofNullable(jobIdOrNull(id)).flatMap(jobs::findById);
                if (job.isPresent() && job.get().getStatus() != JobStatus.DONE) {
                    recordJob(job.get().getId(), job.get().getType().name(), job.get().getPriority().name(), exceptionClass,
                            reason, attempts, job.get().getId().toString());
                }
            }
            return;
        }
        recordJob(jobIdOrNull(jobIdHeader), jobType, priority, exceptionClass, reason, attempts, payload);
    }

    private void recordJob(Long jobId, String jobType, String priority, String exceptionClass, String reason,
                           Integer attempts, String payload) {
        if (jobId != null && deadLetters.existsByJobIdAndReplayedAtIsNull(jobId)) {
            return; // the same failure delivered twice
        }
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

    /**
     * An email or SMS notification from notify.dead (its id): the broker's redeliveries ran out,
     * so it is FAILED with its last error, and a dead letter lets staff see and replay it.
     */
    @Transactional
    public void recordNotification(@Body String payload) {
        Long id = jobIdOrNull(payload);
        if (id == null || deadLetters.existsByNotificationIdAndReplayedAtIsNull(id)) {
            return; // unreadable, or the same failure delivered twice
        }
        Notification notification = notifications.get(id);
        if (notification.getStatus() != NotificationStatus.PENDING) {
            return; // sent or refused meanwhile (a duplicate queue message that ran out)
        }
        String reason = "no delivery after " + notification.getAttempts() + " attempt(s): "
                + (notification.getDetail() == null ? "unknown error" : notification.getDetail());
        notifications.failed(id.toString(), reason);
        deadLetters.save(DeadLetter.ofNotification(id, notification.getChannel().name(), reason,
                notification.getAttempts(), clock.instant()));
        metrics.deadLettered("NOTIFY_" + notification.getChannel(), "n/a");
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
        if (deadLetter.get().getNotificationId() != null) {
            return replayNotification(id, deadLetter.get().getNotificationId());
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

    /** The notification is PENDING again and goes back on its queue, once; should queueing fail, notify-requeue does it. */
    private ReplayOutcome replayNotification(long id, long notificationId) {
        Instant now = clock.instant();
        NotifyChannel[] channel = new NotifyChannel[1];
        Boolean marked = transaction.execute(status -> {
            if (deadLetters.markReplayed(id, now) == 0) {
                return null;
            }
            channel[0] = notifications.revive(notificationId);
            return channel[0] != null;
        });
        if (marked == null) {
            return ReplayOutcome.ALREADY_REPLAYED;
        }
        if (marked) {
            producer.sendBodyAndHeader("direct:notify-enqueue", Long.toString(notificationId), "notifyChannel",
                    channel[0].name());
            notifications.queued(new Dispatch(0, List.of(), List.of(Long.toString(notificationId)), List.of()));
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
