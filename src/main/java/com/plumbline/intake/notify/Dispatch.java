package com.plumbline.intake.notify;

import java.util.List;

/**
 * The notifications recorded PENDING for one message, by channel: what the {@code notify-dispatch}
 * route hands to each channel's queue. Ids are strings because they travel as JMS text.
 *
 * @param dashboard the dashboard notifications: one board event for them all
 */
public record Dispatch(long messageId, List<String> email, List<String> sms, List<String> dashboard) {

    public static Dispatch none(long messageId) {
        return new Dispatch(messageId, List.of(), List.of(), List.of());
    }

    /** How many notices it hands over. */
    public int size() {
        return email.size() + sms.size() + dashboard.size();
    }

    public boolean hasDashboard() {
        return !dashboard.isEmpty();
    }
}
