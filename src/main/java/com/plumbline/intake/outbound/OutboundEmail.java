package com.plumbline.intake.outbound;

/** One plain-text email for the send-email adapter. */
public record OutboundEmail(String to, String from, String subject, String text) {
}
