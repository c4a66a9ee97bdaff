package com.plumbline.intake.jobs;

/** What a processing job does; each type has its handler route {@code direct:job-<type>}. */
public enum JobType {
    /** An SMS back to the customer saying when to expect a call. */
    AUTO_REPLY(true),
    /** A price range for the service type, attached to the conversation. */
    QUOTE_ESTIMATE(false),
    /** At the SLA due time: has anyone called back? If not, staff are reminded. */
    FOLLOW_UP(false),
    /** Hands the message to the notification route. */
    NOTIFY_STAFF(false),
    /** A suggested reply from an AI chat endpoint, for staff to approve. */
    AI_DRAFT(true);

    private final boolean callsProvider;

    JobType(boolean callsProvider) {
        this.callsProvider = callsProvider;
    }

    /**
     * Whether a run calls a provider (Twilio, the AI endpoint). Such a run is claimed in a
     * transaction of its own before the call, so a crash after the provider took it is known (the
     * job is left RUNNING). A job that calls none can be claimed, run and finished in the
     * transaction of the message it belongs to (create-jobs).
     */
    public boolean callsProvider() {
        return callsProvider;
    }
}
