package com.plumbline.intake.notify;

import com.plumbline.intake.staff.StaffMember;
import java.time.Instant;

import jakarta.persistence.Column;
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
import org.apache.camel.component.jpa.Consumed;

/** One notice to one staff member on one channel (table {@code notification}). */
@Entity
@Table(name = "notification")
// email and SMS notifications still PENDING that never reached their channel queue (the service
// stopped between the row and the hand-over): FOR UPDATE SKIP LOCKED, so each instance takes its own
@NamedQuery(name = "Notification.unqueued", query = """
        select n from Notification n
        where n.status = com.plumbline.intake.notify.NotificationStatus.PENDING and n.queuedAt is null
          and n.channel in (com.plumbline.intake.notify.NotifyChannel.EMAIL, com.plumbline.intake.notify.NotifyChannel.SMS)
          and n.createdAt <= :before
        order by n.id""",
        lockMode = LockModeType.PESSIMISTIC_WRITE,
        hints = @QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long messageId;

    @Column(name = "staff_member_id")
    private Long staffMemberId;

    @Enumerated(EnumType.STRING)
    private NotifyChannel channel;

    @Enumerated(EnumType.STRING)
    private NotificationStatus status;

    private String recipient;

    private String providerId;

    private String detail;

    private int attempts;

    private int tier;

    private Instant createdAt;

    private Instant updatedAt;

    private Instant sentAt;

    private Instant readAt;

    private Instant ackedAt;

    private Instant queuedAt;

    private Instant claimedUntil;

    private String ackCode;

    protected Notification() {
    }

    Notification(long messageId, StaffMember staff, NotifyChannel channel, String recipient, int tier, Instant now,
                 String ackCode) {
        this.ackCode = ackCode;
        this.messageId = messageId;
        this.staffMemberId = staff.getId();
        this.channel = channel;
        this.recipient = recipient;
        this.tier = tier;
        this.status = NotificationStatus.PENDING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Called by the notify-requeue poller (camel-jpa consumer) once the notification is on its queue again. */
    @Consumed
    public void markQueued() {
        queuedAt = Instant.now();
    }

    void skipped(String reason) {
        status = NotificationStatus.SKIPPED;
        detail = reason;
    }

    void sent(String providerId, Instant now) {
        attempts++;
        status = NotificationStatus.SENT;
        this.providerId = providerId;
        detail = null;
        claimedUntil = null;
        sentAt = now;
        updatedAt = now;
    }

    void failed(String reason, Instant now) {
        attempts++;
        status = NotificationStatus.FAILED;
        detail = reason;
        claimedUntil = null;
        updatedAt = now;
    }

    void revived(Instant now) {
        status = NotificationStatus.PENDING;
        queuedAt = null;
        claimedUntil = null;
        updatedAt = now;
    }

    void acked(Instant now) {
        status = NotificationStatus.ACKED;
        ackedAt = now;
        if (readAt == null) {
            readAt = now;
        }
        updatedAt = now;
    }

    void read(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
        updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getMessageId() {
        return messageId;
    }

    public Long getStaffMemberId() {
        return staffMemberId;
    }

    public NotifyChannel getChannel() {
        return channel;
    }

    public NotificationStatus getStatus() {
        return status;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getProviderId() {
        return providerId;
    }

    public String getDetail() {
        return detail;
    }

    public int getAttempts() {
        return attempts;
    }

    public int getTier() {
        return tier;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Instant getReadAt() {
        return readAt;
    }

    public Instant getAckedAt() {
        return ackedAt;
    }

    /** The code an SMS acknowledgement must carry ("ACK 482913"). */
    public String getAckCode() {
        return ackCode;
    }

    public Instant getQueuedAt() {
        return queuedAt;
    }
}
