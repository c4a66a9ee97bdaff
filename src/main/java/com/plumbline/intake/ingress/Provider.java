package com.plumbline.intake.ingress;

/** Who delivered a message to us. */
public enum Provider {
    TWILIO, GOOGLE_VOICE, PUBSUB, TEST
}
