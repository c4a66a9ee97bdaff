package com.plumbline.intake.jobs;

/**
 * A failure that retrying cannot fix (an invalid phone number, a provider's 4xx, an unreadable
 * job): the job goes to the dead letter channel at once.
 */
public class PermanentJobFailure extends RuntimeException {

    public PermanentJobFailure(String message) {
        super(message);
    }

    public PermanentJobFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
