package com.plumbline.intake.outbound;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Phone numbers in provider texts (Twilio: "The 'To' number +15125550199 is not valid") masked to their last 4 digits. */
public final class Redaction {

    // a digit (or "(" and a digit), then at least 6 digits or separators, ending on a digit:
    // +15125550199, (512) 555-0199, 512.555.0100; linear, no nested repetition
    private static final Pattern PHONE = Pattern.compile("\\+?\\(?\\d[\\d ().-]{6,}\\d");

    private Redaction() {
    }

    public static String maskPhoneNumbers(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = PHONE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String number = matcher.group();
            // as customer.PhoneNumbers.masked: every character but the last four
            String masked = "*".repeat(number.length() - 4) + number.substring(number.length() - 4);
            matcher.appendReplacement(out, Matcher.quoteReplacement(masked));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
