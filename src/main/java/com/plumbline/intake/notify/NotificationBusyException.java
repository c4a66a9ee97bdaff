package com.plumbline.intake.notify;

/**
 * Another consumer is sending this notification right now (its claim is live): this delivery is
 * rolled back and the broker tries again later, by when the notification is sent or the claim
 * of a crashed sender has run out.
 */
public class NotificationBusyException extends RuntimeException {

    public NotificationBusyException(long notificationId) {
        super("notification " + notificationId + " is being sent by another consumer");
    }
}
