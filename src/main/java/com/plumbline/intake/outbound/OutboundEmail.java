package com.plumbline.intake.outbound;

/**
 * One plain-text email for the send-email adapter.
 *
 * @param messageId its Message-ID ({@code <...@...>}), fixed by the sender so that the same email
 *                  sent again (after a crash between the send and its record) carries the same one
 *                  and mail clients show it once
 */
public record OutboundEmail(String to, String from, String subject, String text, String messageId) {
}
