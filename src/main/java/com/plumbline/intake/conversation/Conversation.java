package com.plumbline.intake.conversation;

import java.time.Duration;
import java.time.Instant;

import com.plumbline.intake.rules.Priority;
import com.plumbline.intake.rules.ServiceType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A customer's thread: messages from the same customer join it while it is open, and each
 * message keeps it open for the configured window. It carries the most urgent priority seen.
 */
@Entity
@Table(name = "conversation")
public class Conversation {

    public enum Status { OPEN, CLOSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    private Customer customer;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Enumerated(EnumType.STRING)
    private Priority priority;

    @Enumerated(EnumType.STRING)
    private ServiceType serviceType;

    private Instant openedAt;

    private Instant lastMessageAt;

    private Instant closesAt;

    private Instant retractedAt;

    private String retractionReason;

    protected Conversation() {
    }

    Conversation(Customer customer, Instant openedAt) {
        this.customer = customer;
        this.status = Status.OPEN;
        this.openedAt = openedAt;
        this.lastMessageAt = openedAt;
    }

    /** A message with nothing to classify yet (a call's first callback) keeps the thread open. */
    void touch(Instant receivedAt, Duration openWindow) {
        if (receivedAt.isAfter(lastMessageAt)) {
            lastMessageAt = receivedAt;
        }
        Instant stayOpenUntil = receivedAt.plus(openWindow);
        if (closesAt == null || stayOpenUntil.isAfter(closesAt)) {
            closesAt = stayOpenUntil;
        }
    }

    /** A new message joined: keep the thread open and remember the most urgent need. */
    void add(Instant receivedAt, Priority messagePriority, ServiceType messageService, Duration openWindow) {
        if (receivedAt.isAfter(lastMessageAt)) {
            lastMessageAt = receivedAt;
        }
        Instant stayOpenUntil = receivedAt.plus(openWindow);
        if (closesAt == null || stayOpenUntil.isAfter(closesAt)) {
            closesAt = stayOpenUntil;
        }
        // enum order is most urgent first
        if (priority == null || messagePriority.compareTo(priority) < 0) {
            priority = messagePriority;
            serviceType = messageService;
        } else if (serviceType == null || serviceType == ServiceType.GENERAL) {
            serviceType = messageService;
        }
    }

    /**
     * The customer took back what they reported ("false alarm", "we fixed it, cancel"): the thread's
     * priority becomes the retraction's own, and the reason is kept. A later message raises it again.
     */
    void retract(Instant at, Priority messagePriority, ServiceType messageService, String reason) {
        priority = messagePriority;
        serviceType = messageService;
        retractedAt = at;
        retractionReason = reason;
    }

    public Instant getRetractedAt() {
        return retractedAt;
    }

    public String getRetractionReason() {
        return retractionReason;
    }

    public Long getId() {
        return id;
    }

    public Customer getCustomer() {
        return customer;
    }

    public Status getStatus() {
        return status;
    }

    public Priority getPriority() {
        return priority;
    }

    public ServiceType getServiceType() {
        return serviceType;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getLastMessageAt() {
        return lastMessageAt;
    }

    public Instant getClosesAt() {
        return closesAt;
    }
}
