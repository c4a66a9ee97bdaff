package com.plumbline.intake.notify;

/** PENDING: the ladder runs; ACKED: someone acknowledged; EXHAUSTED: every repeat fired unanswered. */
public enum EscalationStatus {
    PENDING,
    ACKED,
    EXHAUSTED,
    /** The customer retracted or resolved the problem ("false alarm", "never mind"); see stoppedReason. */
    STOPPED
}
