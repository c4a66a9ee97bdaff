package com.plumbline.intake.jobs;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A job that failed for good, as the dead letter channel delivered it, or an email or SMS
 * notification the broker gave up on (notify.dead): inspectable and replayable.
 */
@Entity
@Table(name = "dead_letter")
public class DeadLetter {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long jobId;

    /** Set instead of jobId for an email or SMS notification the broker gave up on. */
    private Long notificationId;

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

    public Long getNotificationId() {
        return notificationId;
    }

    static DeadLetter ofNotification(long notificationId, String channel, String reason, int attempts, Instant failedAt) {
        DeadLetter deadLetter = new DeadLetter(null, "NOTIFY_" + channel, null, DeliveryGaveUp.class.getName(), reason,
                attempts, Long.toString(notificationId), failedAt);
        deadLetter.notificationId = notificationId;
        return deadLetter;
    }

    /** The exception class a notification dead letter names: the broker's redeliveries ran out. */
    static final class DeliveryGaveUp {
        private DeliveryGaveUp() {
        }
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
