package com.plumbline.intake.jobs;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.plumbline.intake.conversation.ThreadedMessage;
import com.plumbline.intake.outbound.SentSmsLookup;
import com.plumbline.intake.rules.Classification;
import com.plumbline.intake.rules.Priority;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.camel.Headers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a processing job in its row: created for a classified message, claimed for a run,
 * done. The queue carries only tickets; the row decides whether a delivery still has work to do.
 */
@Component("jobs")
public class Jobs {

    private final ProcessingJobRepository repository;
    private final JobsProperties properties;
    private final AutoReplies autoReplies;
    private final JobMetrics metrics;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    public Jobs(ProcessingJobRepository repository, JobsProperties properties, AutoReplies autoReplies,
                JobMetrics metrics, Clock clock, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.properties = properties;
        this.autoReplies = autoReplies;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Creates the jobs of a message, once (a redelivered message finds its jobs) and returns the
     * tickets of those due now. Emergencies notify staff directly, so they get no NOTIFY_STAFF
     * job; a FOLLOW_UP is due when the response is.
     */
    @Transactional
    public List<JobTicket> createFor(@Body ThreadedMessage message) {
        // the unique key (message_id, type) decides: a concurrent or repeated delivery inserts nothing
        boolean redelivered = false;
        for (ProcessingJob job : newJobs(message)) {
            redelivered |= !insert(job);
        }
        List<ProcessingJob> jobs = repository.findByMessageId(message.messageId());
        Instant now = clock.instant();
        List<JobTicket> dueNow = new ArrayList<>();
        for (ProcessingJob job : jobs) {
            // On a redelivered message, a job marked enqueued may still have lost its ticket: the
            // ticket went out in the JMS transaction that rolled back (crash before its commit),
            // while enqueued_at was committed in the database at once; the due-jobs poller skips
            // it, so without a new ticket it would stay PENDING forever. A second ticket for a
            // job whose ticket did arrive is harmless: claim() runs a job once.
            boolean mayLackTicket = job.getEnqueuedAt() == null || redelivered;
            if (job.getStatus() == JobStatus.PENDING && mayLackTicket && !job.getDueAt().isAfter(now)) {
                dueNow.add(JobTicket.of(job));
            }
        }
        return dueNow;
    }

    /** @return false when the message already has a job of this type */
    private boolean insert(ProcessingJob job) {
        return jdbc.update("""
                insert into processing_job (message_id, conversation_id, type, priority, status, attempts, due_at,
                                            payload, created_at, updated_at)
                values (?, ?, ?, ?, 'PENDING', 0, ?, ?, now(), now())
                on conflict (message_id, type) do nothing""",
                job.getMessageId(), job.getConversationId(), job.getType().name(), job.getPriority().name(),
                Timestamp.from(job.getDueAt()), job.getPayload()) == 1;
    }

    private List<ProcessingJob> newJobs(ThreadedMessage message) {
        Classification classification = message.classification();
        Priority priority = classification.priority();
        Instant now = clock.instant();
        List<ProcessingJob> jobs = new ArrayList<>();
        if (autoReplies.enabled()) {
            jobs.add(job(message, JobType.AUTO_REPLY, now));
        }
        jobs.add(job(message, JobType.QUOTE_ESTIMATE, now));
        if (priority != Priority.EMERGENCY) {
            jobs.add(job(message, JobType.NOTIFY_STAFF, now));
            jobs.add(job(message, JobType.FOLLOW_UP, classification.responseDue()));
        }
        if (properties.aiDraftEnabled()) {
            jobs.add(job(message, JobType.AI_DRAFT, now));
        }
        return jobs;
    }

    private static ProcessingJob job(ThreadedMessage message, JobType type, Instant due) {
        return new ProcessingJob(message.messageId(), message.conversationId(), type,
                message.classification().priority(), due, null);
    }

    /** The ticket the due-jobs poller puts on the queue. */
    public JobTicket ticket(@Body ProcessingJob job) {
        return JobTicket.of(job);
    }

    @Transactional
    public void enqueued(@Header("jobId") long jobId) {
        repository.enqueued(jobId, clock.instant());
    }

    /**
     * True when this delivery should run the job; false when it is done, dead or running elsewhere. A job of a batch
     * that failed comes back alone marked {@code jobRetried} (route retry-job-alone): claimed like a redelivery.
     *
     * @throws PermanentJobFailure when the queue message does not name a job: it cannot be retried into shape
     */
    @Transactional
    public boolean claim(@Header("jobId") String jobIdHeader, @Header("JMSRedelivered") Boolean redelivered,
                         @Header("jobRetried") Boolean retried, @Headers Map<String, Object> headers) {
        long jobId = readJobId(jobIdHeader);
        Instant now = clock.instant();
        headers.remove(SentSmsLookup.IN_DOUBT_SINCE);
        // RUNNING and delivered again: its consumer died mid-run, maybe after Twilio took its SMS;
        // the send-sms adapter then asks Twilio first (SMS since that run started)
        // not there (yet): an in-memory (seda) ticket can arrive before the transaction that made
        // the job commits; failing lets the jobs route's redelivery look again a moment later
        ProcessingJob current = repository.findById(jobId).orElseThrow(() -> new IllegalStateException(
                "Job " + jobId + " not found: its transaction has not committed yet, or it was removed"));
        Instant earlierRun = current.getStatus() == JobStatus.RUNNING ? current.getStartedAt() : null;
        boolean claimed = repository.claim(jobId, Boolean.TRUE.equals(redelivered) || Boolean.TRUE.equals(retried), now) == 1;
        if (claimed) {
            if (earlierRun != null) {
                headers.put(SentSmsLookup.IN_DOUBT_SINCE, earlierRun);
            }
            repository.findById(jobId).ifPresent(job -> metrics.started(job, now));
        }
        return claimed;
    }

    private static long readJobId(String header) {
        try {
            return Long.parseLong(header == null ? "" : header.trim());
        } catch (NumberFormatException e) {
            throw new PermanentJobFailure("Unreadable job message: jobId header is '" + header + "'");
        }
    }

    @Transactional(readOnly = true)
    public ProcessingJob load(@Header("jobId") long jobId) {
        return repository.findById(jobId).orElseThrow(() -> new PermanentJobFailure("Job " + jobId + " does not exist"));
    }

    @Transactional
    public void done(@Header("jobId") long jobId, @Header("jobResult") String result) {
        Instant now = clock.instant();
        repository.done(jobId, result, now);
        repository.findById(jobId).ifPresent(job -> metrics.finished(job, now));
    }
}
