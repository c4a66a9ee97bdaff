package com.plumbline.intake.jobs;

/** What a processing job does; each type has its handler route {@code direct:job-<type>}. */
public enum JobType {
    /** An SMS back to the customer saying when to expect a call. */
    AUTO_REPLY,
    /** A price range for the service type, attached to the conversation. */
    QUOTE_ESTIMATE,
    /** At the SLA due time: has anyone called back? If not, staff are reminded. */
    FOLLOW_UP,
    /** Hands the message to the notification route. */
    NOTIFY_STAFF,
    /** A suggested reply from an AI chat endpoint, for staff to approve. */
    AI_DRAFT
}
