package com.plumbline.intake.jobs;

import java.time.Instant;

import com.plumbline.intake.rules.Priority;
import jakarta.persistence.Entity;
import org.apache.camel.component.jpa.Consumed;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;

/**
 * One unit of work for a message. Its row is the job's state (attempts, last error, result); the
 * queue only carries its id and priority, so a lost or repeated queue message cannot lose or
 * double the work.
 */
@Entity
@Table(name = "processing_job")
// FOR UPDATE SKIP LOCKED: camel-jpa locks nothing itself when consumeDelete=false, and without
// the lock a claim committed while the poller held the row was overwritten by the poller's flush
// (a job DONE with attempts=0). Locked, a claim waits for the poller; another instance skips the row.
@NamedQuery(name = "ProcessingJob.due", query = """
        select j from ProcessingJob j
        where j.status = com.plumbline.intake.jobs.JobStatus.PENDING and j.enqueuedAt is null and j.dueAt <= CURRENT_TIMESTAMP
        order by j.dueAt""",
        lockMode = LockModeType.PESSIMISTIC_WRITE,
        hints = @QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
public class ProcessingJob {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long messageId;

    private Long conversationId;

    @Enumerated(EnumType.STRING)
    private JobType type;

    @Enumerated(EnumType.STRING)
    private Priority priority;

    @Enumerated(EnumType.STRING)
    private JobStatus status;

    private int attempts;

    private String lastError;

    private String payload;

    private String result;

    private Instant dueAt;

    private Instant enqueuedAt;

    private Instant startedAt;

    private Instant finishedAt;

    private Instant createdAt;

    private Instant updatedAt;

    /** Called by the due-jobs poller (camel-jpa consumer) once the job is on the queue. */
    @Consumed
    public void markEnqueued() {
        enqueuedAt = Instant.now();
        updatedAt = enqueuedAt;
    }

    protected ProcessingJob() {
    }

    ProcessingJob(Long messageId, Long conversationId, JobType type, Priority priority, Instant dueAt, String payload) {
        this.messageId = messageId;
        this.conversationId = conversationId;
        this.type = type;
        this.priority = priority;
        this.status = JobStatus.PENDING;
        this.dueAt = dueAt;
        this.payload = payload;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getMessageId() {
        return messageId;
    }

    public Long getConversationId() {
        return conversationId;
    }

    public JobType getType() {
        return type;
    }

    public Priority getPriority() {
        return priority;
    }

    public JobStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public String getPayload() {
        return payload;
    }

    public String getResult() {
        return result;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getEnqueuedAt() {
        return enqueuedAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
