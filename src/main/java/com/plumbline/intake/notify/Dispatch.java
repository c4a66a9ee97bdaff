package com.plumbline.intake.notify;

import java.util.List;

/**
 * The notifications recorded PENDING for one message, by channel: what the {@code notify-dispatch}
 * route hands to each channel's queue. Ids are strings because they travel as JMS text.
 *
 * @param dashboard the dashboard notifications as one comma-separated list: one broadcast for them all
 */
public record Dispatch(long messageId, List<String> email, List<String> sms, String dashboard) {

    public static Dispatch none(long messageId) {
        return new Dispatch(messageId, List.of(), List.of(), "");
    }

    /** How many notices it hands over (the dashboard ones as one broadcast each). */
    public int size() {
        return email.size() + sms.size() + (dashboard.isEmpty() ? 0 : dashboard.split(",").length);
    }

    public boolean hasDashboard() {
        return !dashboard.isEmpty();
    }
}
