package com.plumbline.intake.outbound;

import com.twilio.type.PhoneNumber;

/** One SMS for the send-sms adapter (customer replies and staff notifications alike). */
public record OutboundSms(String to, String from, String text) {

    /** camel-twilio's message creator takes Twilio's own phone number type. */
    public PhoneNumber toNumber() {
        return new PhoneNumber(to);
    }

    public PhoneNumber fromNumber() {
        return new PhoneNumber(from);
    }
}
