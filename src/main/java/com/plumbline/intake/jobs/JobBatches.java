package com.plumbline.intake.jobs;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.plumbline.intake.conversation.OutboundMessages;
import com.plumbline.intake.rules.Priority;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Several queued jobs on one ticket. The messages of a batch on {@code intake.inbound} (routes/processing.camel.yaml,
 * process-batch) gather the jobs they queue, and one ticket per priority carries them all: the jobs route claims them
 * in one transaction, runs them one after the other and finishes them in one transaction (routes/jobs.camel.yaml,
 * run-job-batch), where each job alone costs a delivery, a claim's commit and a finish's commit.
 */
@Component("jobBatches")
public class JobBatches {

    /** The exchange property holding the jobs the messages of a batch queue. */
    public static final String GATHERED = "jobBatch";

    /** The exchange property holding how each job of a batch run went. */
    public static final String OUTCOMES = "jobOutcomes";

    /** The JMS property (and Camel header) of a ticket that carries several jobs: their ids, comma-separated. */
    public static final String JOB_IDS = "jobIds";

    /** One ticket for several jobs of one priority. */
    public record Ticket(String jobIds, int jmsPriority) {
    }

    /** How a job of a batch run went: its result and the SMS it sent, if any, are stored when the batch finishes. */
    public record Outcome(long jobId, boolean failed, String result, CustomerSms.Sent sms) {
    }

    private final ProcessingJobRepository repository;
    private final OutboundMessages outbound;
    private final JobMetrics metrics;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public JobBatches(ProcessingJobRepository repository, OutboundMessages outbound, JobMetrics metrics, Clock clock,
                      JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.transaction = transaction;
        this.repository = repository;
        this.outbound = outbound;
        this.metrics = metrics;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /**
     * An empty list for {@link #GATHERED} or {@link #OUTCOMES}: the parts of a split share it (each part's copy of the
     * exchange holds the same list).
     */
    public List<Object> start() {
        return new ArrayList<>();
    }

    public void gather(@Body JobTicket ticket, @ExchangeProperty(GATHERED) List<JobTicket> gathered) {
        gathered.add(ticket);
    }

    /** The tickets for the gathered jobs, one per priority, the jobs marked as queued (in the caller's transaction). */
    @Transactional
    public List<Ticket> tickets(@ExchangeProperty(GATHERED) List<JobTicket> gathered) {
        if (gathered.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Long[] ids = gathered.stream().map(JobTicket::jobId).toArray(Long[]::new);
        jdbc.update("update processing_job set enqueued_at = ?, updated_at = ? where id = any(?)",
                Timestamp.from(now), Timestamp.from(now), ids);
        Map<Priority, List<JobTicket>> byPriority = gathered.stream()
                .collect(Collectors.groupingBy(JobTicket::priority, TreeMap::new, Collectors.toList()));
        List<Ticket> tickets = new ArrayList<>();
        byPriority.forEach((priority, jobs) -> tickets.add(new Ticket(
                jobs.stream().map(job -> String.valueOf(job.jobId())).collect(Collectors.joining(",")),
                priority.jmsPriority())));
        return tickets;
    }

    /**
     * The ticket's jobs, for a batch that goes back on the queue one job at a time.
     *
     * @throws IllegalStateException when one is not there (yet): the jobs route's redelivery looks again a moment later
     */
    @Transactional(readOnly = true)
    public List<JobTicket> jobs(@Header(JOB_IDS) String jobIds) {
        return allOf(ids(jobIds)).stream().map(JobTicket::of).toList();
    }

    /**
     * Every job of the ticket, in id order. An in-memory (seda) ticket can arrive before the transaction that made its
     * jobs commits: claiming the others would leave those waiting with no ticket. Failing splits the batch up, and the
     * jobs route's redelivery finds them.
     */
    private List<ProcessingJob> allOf(List<Long> ids) {
        List<ProcessingJob> jobs = new ArrayList<>(repository.findAllById(ids));
        if (jobs.size() < ids.size()) {
            throw new IllegalStateException("Jobs " + ids + ": " + (ids.size() - jobs.size())
                    + " not found, their transaction has not committed yet, or they were removed");
        }
        jobs.sort(Comparator.comparing(ProcessingJob::getId));
        return jobs;
    }

    private static List<Long> ids(String jobIds) {
        try {
            return Arrays.stream(jobIds.split(",")).map(String::trim).map(Long::valueOf).toList();
        } catch (RuntimeException e) {
            throw new PermanentJobFailure("Unreadable job ticket: jobIds header is '" + jobIds + "'");
        }
    }

    /**
     * Claims the ticket's jobs that are waiting (a job done, dead or running elsewhere is left alone), in one
     * transaction, and returns them in id order.
     */
    @Transactional
    public List<JobTicket> claim(@Header(JOB_IDS) String jobIds) {
        List<ProcessingJob> jobs = allOf(ids(jobIds));
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        Set<Long> claimed = new HashSet<>(jdbc.queryForList("""
                update processing_job set status = 'RUNNING', attempts = attempts + 1, started_at = ?, updated_at = ?,
                                          enqueued_at = coalesce(enqueued_at, ?)
                where id = any(?) and status in ('PENDING', 'FAILED')
                returning id""", Long.class, at, at, at, jobs.stream().map(ProcessingJob::getId).toArray(Long[]::new)));
        List<JobTicket> tickets = new ArrayList<>();
        for (ProcessingJob job : jobs) {
            if (claimed.contains(job.getId())) {
                metrics.started(job, now); // from what the update leaves alone: type, priority, due and created times
                tickets.add(JobTicket.of(job));
            }
        }
        return tickets;
    }

    /** A job of the batch ran: kept until {@link #finish} stores it with the others. */
    public void ran(@Header("jobId") long jobId, @Header("jobResult") String result,
                    @Variable(CustomerSms.SENT) CustomerSms.Sent sms, @ExchangeProperty(OUTCOMES) List<Outcome> outcomes) {
        outcomes.add(new Outcome(jobId, false, result, sms));
    }

    /** A job of the batch failed: it goes back on the queue alone once the others are finished. */
    public void failed(@Header("jobId") long jobId, @ExchangeProperty(OUTCOMES) List<Outcome> outcomes) {
        outcomes.add(new Outcome(jobId, true, null, null));
    }

    /**
     * One commit for the batch's jobs that ran: the SMS each sent joins its conversation, and each is DONE.
     *
     * @return the jobs that failed
     */
    public List<JobTicket> finish(@ExchangeProperty(OUTCOMES) List<Outcome> outcomes) {
        Finished finished = transaction.execute(status -> finishInOneTransaction(outcomes));
        finished.busyConversations().forEach(outbound::touch);
        return finished.failed();
    }

    private record Finished(List<JobTicket> failed, Set<Long> busyConversations) {
    }

    private Finished finishInOneTransaction(List<Outcome> outcomes) {
        Instant now = clock.instant();
        List<Long> done = new ArrayList<>();
        List<Long> failed = new ArrayList<>();
        List<OutboundMessages.Sms> sent = new ArrayList<>();
        for (Outcome job : outcomes) {
            if (job.failed()) {
                failed.add(job.jobId());
                continue;
            }
            CustomerSms.Sent sms = job.sms();
            if (sms != null) {
                sent.add(new OutboundMessages.Sms(sms.conversationId(), sms.sentBy(), sms.sid(), sms.from(), sms.to(), sms.text()));
            }
            repository.done(job.jobId(), job.result(), now);
            done.add(job.jobId());
        }
        Set<Long> busy = outbound.smsSent(sent);
        for (ProcessingJob job : repository.findAllById(done)) {
            metrics.finished(job, now);
        }
        return new Finished(repository.findAllById(failed).stream().map(JobTicket::of).toList(), busy);
    }
}
