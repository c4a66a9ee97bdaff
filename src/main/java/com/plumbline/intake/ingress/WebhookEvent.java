package com.plumbline.intake.ingress;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One acknowledged webhook delivery, kept as received. */
@Entity
@Table(name = "webhook_event")
public class WebhookEvent {

    public enum Status { RECEIVED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private Provider provider;

    private String providerMessageId;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String rejectReason;

    @Column(name = "from_number")
    private String from;

    @Column(name = "to_number")
    private String to;

    private String rawPayload;

    private Instant receivedAt;

    protected WebhookEvent() {
    }

    static WebhookEvent rejected(PoisonMessageException poison) {
        WebhookEvent event = new WebhookEvent();
        event.provider = poison.getProvider();
        event.providerMessageId = poison.getProviderMessageId();
        event.status = Status.REJECTED;
        event.rejectReason = poison.getMessage();
        event.rawPayload = poison.getRawPayload();
        event.receivedAt = Instant.now();
        return event;
    }

    public Long getId() {
        return id;
    }

    public Provider getProvider() {
        return provider;
    }

    public String getProviderMessageId() {
        return providerMessageId;
    }

    public Channel getChannel() {
        return channel;
    }

    public Status getStatus() {
        return status;
    }

    public String getRejectReason() {
        return rejectReason;
    }

    public String getFrom() {
        return from;
    }

    public String getTo() {
        return to;
    }

    public String getRawPayload() {
        return rawPayload;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }
}
