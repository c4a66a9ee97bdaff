package com.plumbline.intake.ingress;

/** How the customer reached the business. */
public enum Channel {
    SMS, VOICE, VOICEMAIL
}
