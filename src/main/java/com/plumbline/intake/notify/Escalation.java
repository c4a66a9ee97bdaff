package com.plumbline.intake.notify;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The escalation ladder of one emergency message (table {@code escalation}). {@code tier} is how
 * many rungs have fired; {@code dueAt} is when the next one fires unless someone acknowledges.
 * <p>
 * {@code Escalation.due} is what the {@code escalation} route's camel-jpa consumer polls: rows due
 * at {@code :now}, locked {@code FOR UPDATE SKIP LOCKED} (lock timeout -2), so with several
 * instances on one database each due row is taken by exactly one of them.
 */
@Entity
@Table(name = "escalation")
@NamedQuery(name = "Escalation.due",
        query = "select e from Escalation e where e.status = com.plumbline.intake.notify.EscalationStatus.PENDING"
                + " and e.dueAt <= :now order by e.dueAt",
        lockMode = LockModeType.PESSIMISTIC_WRITE,
        hints = @QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
public class Escalation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long messageId;

    private int tier;

    private int fired;

    @Enumerated(EnumType.STRING)
    private EscalationStatus status;

    private Instant dueAt;

    private Instant createdAt;

    private Instant updatedAt;

    private Instant ackedAt;

    private String ackedBy;

    /** An acknowledgement and the poller firing a rung never overwrite each other. */
    @Version
    private long version;

    private String stoppedReason;

    protected Escalation() {
    }

    Escalation(long messageId, Instant createdAt, Instant firstDue) {
        this.messageId = messageId;
        this.status = EscalationStatus.PENDING;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.dueAt = firstDue;
    }

    /** One rung fired; the next is due at {@code nextDue}, or never (exhausted) when null. */
    void fired(Instant now, Instant nextDue) {
        tier++;
        fired++;
        updatedAt = now;
        if (nextDue == null) {
            status = EscalationStatus.EXHAUSTED;
        } else {
            dueAt = nextDue;
        }
    }

    /** The customer retracted the problem: no further rung fires. */
    void stopped(String reason, Instant now) {
        if (status == EscalationStatus.PENDING) {
            status = EscalationStatus.STOPPED;
            stoppedReason = reason;
            updatedAt = now;
        }
    }

    public String getStoppedReason() {
        return stoppedReason;
    }

    void acked(String by, Instant now) {
        if (status == EscalationStatus.PENDING) {
            status = EscalationStatus.ACKED;
            ackedAt = now;
            ackedBy = by;
            updatedAt = now;
        }
    }

    public Long getId() {
        return id;
    }

    public Long getMessageId() {
        return messageId;
    }

    public int getTier() {
        return tier;
    }

    public int getFired() {
        return fired;
    }

    public EscalationStatus getStatus() {
        return status;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getAckedAt() {
        return ackedAt;
    }

    public String getAckedBy() {
        return ackedBy;
    }
}
