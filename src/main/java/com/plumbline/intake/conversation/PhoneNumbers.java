package com.plumbline.intake.conversation;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Phone numbers to E.164 with libphonenumber, so "(512) 555-0143", "512.555.0143" and
 * "+15125550143" are one customer. A number it cannot read is kept as given and flagged, never
 * dropped: the message still reaches staff.
 */
@Component("phoneNumbers")
public class PhoneNumbers {

    /** @param value the E.164 form, or the input as given when it is not a valid number */
    public record Normalised(String value, boolean valid) {
    }

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    public PhoneNumbers(@Value("${intake.phone.default-region:US}") String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    public Normalised normalise(String raw) {
        String given = raw == null ? "" : raw.trim();
        try {
            PhoneNumber number = util.parse(given, defaultRegion);
            if (util.isValidNumber(number)) {
                return new Normalised(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164), true);
            }
        } catch (NumberParseException e) {
            // not a phone number we can read: fall through and keep it as given
        }
        return new Normalised(given.isEmpty() ? "unknown" : given, false);
    }

    /** For logs at INFO: enough to tell numbers apart, not enough to call the customer. */
    public static String masked(String phone) {
        if (phone == null || phone.length() <= 4) {
            return "****";
        }
        return "*".repeat(phone.length() - 4) + phone.substring(phone.length() - 4);
    }
}
