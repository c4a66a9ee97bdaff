package com.plumbline.intake.jobs;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A job that failed for good, as the dead letter channel delivered it: inspectable and replayable. */
@Entity
@Table(name = "dead_letter")
public class DeadLetter {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long jobId;

    private String jobType;

    private String priority;

    private String exceptionClass;

    private String exceptionMessage;

    private int attempts;

    private String originalPayload;

    private Instant failedAt;

    private Instant replayedAt;

    protected DeadLetter() {
    }

    DeadLetter(Long jobId, String jobType, String priority, String exceptionClass, String exceptionMessage,
               int attempts, String originalPayload, Instant failedAt) {
        this.jobId = jobId;
        this.jobType = jobType;
        this.priority = priority;
        this.exceptionClass = exceptionClass;
        this.exceptionMessage = exceptionMessage;
        this.attempts = attempts;
        this.originalPayload = originalPayload;
        this.failedAt = failedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getJobId() {
        return jobId;
    }

    public String getJobType() {
        return jobType;
    }

    public String getPriority() {
        return priority;
    }

    public String getExceptionClass() {
        return exceptionClass;
    }

    public String getExceptionMessage() {
        return exceptionMessage;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getOriginalPayload() {
        return originalPayload;
    }

    public Instant getFailedAt() {
        return failedAt;
    }

    public Instant getReplayedAt() {
        return replayedAt;
    }
}
