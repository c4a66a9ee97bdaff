package com.plumbline.intake.notify;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.plumbline.intake.conversation.PhoneNumbers;

/** What a notification says about the customer's message, read from the message row. */
public record MessageSummary(long messageId, long customerId, String customerName, String customerPhone,
                             String priority, String serviceType, String channel, String body, Instant receivedAt,
                             Instant responseDue) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm z");

    /** The customer's name, or their number masked: subjects and SMS travel through other systems. */
    public String customerLabel() {
        return customerName != null && !customerName.isBlank() ? customerName : PhoneNumbers.masked(customerPhone);
    }

    public String customerUrl(String publicBaseUrl) {
        return publicBaseUrl.replaceAll("/+$", "") + "/dashboard/customers/" + customerId;
    }

    public String responseDueText(ZoneId zone) {
        return responseDue == null ? "not set" : WHEN.format(responseDue.atZone(zone));
    }
}
