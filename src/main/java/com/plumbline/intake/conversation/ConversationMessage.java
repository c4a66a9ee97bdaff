package com.plumbline.intake.conversation;

import java.time.Instant;

import com.plumbline.intake.ingress.Channel;
import com.plumbline.intake.ingress.InboundMessage;
import com.plumbline.intake.ingress.Provider;
import com.plumbline.intake.rules.Classification;
import com.plumbline.intake.rules.Priority;
import com.plumbline.intake.rules.ServiceType;
import jakarta.persistence.Column;
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

/** One message in a conversation (table {@code message}), with its classification. */
@Entity
@Table(name = "message")
public class ConversationMessage {

    public enum Direction { INBOUND, OUTBOUND }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "conversation_id")
    private Conversation conversation;

    @Enumerated(EnumType.STRING)
    private Provider provider;

    private String providerMessageId;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    private Direction direction;

    @Column(name = "from_number")
    private String from;

    @Column(name = "to_number")
    private String to;

    private String body;

    private String mediaUrls;

    @Enumerated(EnumType.STRING)
    private Priority priority;

    @Enumerated(EnumType.STRING)
    private ServiceType serviceType;

    private Double sentiment;

    private Double urgency;

    private Boolean afterHours;

    private Double confidence;

    private String matchedKeywords;

    private Instant responseDue;

    private String language;

    private Instant receivedAt;

    private String callStatus;

    private Integer callDuration;

    /** Safety first: an emergency cue with conflicting or unsure rules (see Classification#needsReview). */
    private boolean needsReview;

    private String reviewReason;

    /** The customer withdrew or resolved an earlier message ("false alarm", "never mind"). */
    private boolean retraction;

    @Enumerated(EnumType.STRING)
    private Priority correctedPriority;

    @Enumerated(EnumType.STRING)
    private ServiceType correctedServiceType;

    private Instant correctedAt;

    protected ConversationMessage() {
    }

    static ConversationMessage inbound(Conversation conversation, InboundMessage message, String customerPhone,
                                       Classification classification) {
        ConversationMessage row = new ConversationMessage();
        row.conversation = conversation;
        row.provider = message.provider();
        row.providerMessageId = message.threadKey();
        row.channel = message.channel();
        row.direction = Direction.INBOUND;
        row.from = customerPhone;
        row.to = message.to();
        row.body = message.body();
        row.mediaUrls = String.join("\n", message.mediaUrls());
        row.priority = classification.priority();
        row.serviceType = classification.serviceType();
        row.sentiment = classification.sentiment();
        row.urgency = classification.urgency();
        row.afterHours = classification.afterHours();
        row.confidence = classification.confidence();
        row.matchedKeywords = String.join(",", classification.matchedKeywords());
        row.responseDue = classification.responseDue();
        row.language = classification.language();
        row.receivedAt = message.receivedAt();
        row.needsReview = classification.needsReview();
        row.reviewReason = classification.reviewReason();
        row.retraction = classification.retraction();
        row.callStatus = message.callStatus();
        row.callDuration = message.callDuration();
        if (!message.classifiable()) {
            // a call with nothing to classify yet (answered, or a recording waiting for its transcript)
            row.priority = null;
            row.serviceType = null;
            row.responseDue = null;
            row.matchedKeywords = "";
        }
        return row;
    }

    /**
     * A later callback of the same call: status, duration, recording and transcript join the one
     * message of the call, and its classification once there is something to classify.
     */
    void callback(InboundMessage message, Classification classification) {
        if (message.callStatus() != null) {
            callStatus = message.callStatus();
        }
        if (message.callDuration() != null) {
            callDuration = message.callDuration();
        }
        if (message.channel() == Channel.VOICEMAIL) {
            channel = Channel.VOICEMAIL;
        }
        for (String url : message.mediaUrls()) {
            if (mediaUrls == null || mediaUrls.isEmpty()) {
                mediaUrls = url;
            } else if (!mediaUrls.contains(url)) {
                mediaUrls = mediaUrls + "\n" + url;
            }
        }
        if (!message.body().isBlank()) {
            body = message.body();
        }
        if (message.classifiable()) {
            priority = classification.priority();
            serviceType = classification.serviceType();
            sentiment = classification.sentiment();
            urgency = classification.urgency();
            afterHours = classification.afterHours();
            confidence = classification.confidence();
            matchedKeywords = String.join(",", classification.matchedKeywords());
            responseDue = classification.responseDue();
            language = classification.language();
        }
    }

    public String getCallStatus() {
        return callStatus;
    }

    public Integer getCallDuration() {
        return callDuration;
    }

    /** A staff member's correction: the labels this message should have had. */
    public void correct(Priority priority, ServiceType serviceType, Instant at) {
        this.correctedPriority = priority;
        this.correctedServiceType = serviceType;
        this.correctedAt = at;
    }

    public boolean isNeedsReview() {
        return needsReview;
    }

    public String getReviewReason() {
        return reviewReason;
    }

    public boolean isRetraction() {
        return retraction;
    }

    public Priority getCorrectedPriority() {
        return correctedPriority;
    }

    public ServiceType getCorrectedServiceType() {
        return correctedServiceType;
    }

    public Instant getCorrectedAt() {
        return correctedAt;
    }

    public Long getId() {
        return id;
    }

    public Conversation getConversation() {
        return conversation;
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

    public Direction getDirection() {
        return direction;
    }

    public String getFrom() {
        return from;
    }

    public String getTo() {
        return to;
    }

    public String getBody() {
        return body;
    }

    public Priority getPriority() {
        return priority;
    }

    public ServiceType getServiceType() {
        return serviceType;
    }

    public String getMediaUrls() {
        return mediaUrls;
    }

    public double getSentiment() {
        return sentiment == null ? 0 : sentiment;
    }

    public double getUrgency() {
        return urgency == null ? 0 : urgency;
    }

    public String getMatchedKeywords() {
        return matchedKeywords;
    }

    public boolean isAfterHours() {
        return Boolean.TRUE.equals(afterHours);
    }

    public double getConfidence() {
        return confidence == null ? 0 : confidence;
    }

    public String getLanguage() {
        return language;
    }

    public Instant getResponseDue() {
        return responseDue;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }
}
