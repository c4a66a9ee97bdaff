package com.plumbline.intake.notify;

/** A notification that can never be delivered as it stands: recorded FAILED, not retried. */
public class PermanentDeliveryException extends RuntimeException {

    public PermanentDeliveryException(String message) {
        super(message);
    }
}
