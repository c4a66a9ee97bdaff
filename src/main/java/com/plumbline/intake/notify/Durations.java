package com.plumbline.intake.notify;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** "5m", "1h30m", "90s" or ISO "PT5M", as written in config/rules.yaml. */
final class Durations {

    private Durations() {
    }

    static Duration parse(String text) {
        String value = text.trim().toUpperCase();
        try {
            return Duration.parse(value.startsWith("P") ? value : "PT" + value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 5m, 1h30m, PT15M)");
        }
    }

    static boolean valid(String text) {
        try {
            return text != null && !parse(text).isNegative();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
