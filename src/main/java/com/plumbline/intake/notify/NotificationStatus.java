package com.plumbline.intake.notify;

/** The life of one notification (one recipient, one channel). */
public enum NotificationStatus {
    /** Recorded and handed to its channel's queue. */
    PENDING,
    /** The provider accepted it (provider id: Twilio SID, mail Message-ID). */
    SENT,
    /** Permanently refused (e.g. invalid number), or still failing after every retry. */
    FAILED,
    /** Not attempted, with the reason: the channel is not configured or the recipient has no address. */
    SKIPPED,
    /** Acknowledged by the staff member (dashboard, API or an "ACK" SMS). */
    ACKED
}
