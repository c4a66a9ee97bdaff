package com.plumbline.intake.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** config/rules.yaml: America/Chicago, Mon-Fri 07:00-18:00, Sat 08:00-12:00, Sunday and holidays closed. */
class BusinessHoursTest {

    private static final String MEDIUM_TEXT = "kitchen sink is clogged";
    private static final String LOW_TEXT = "I'd like to schedule a plumbing inspection";

    /** Tuesday 2026-03-10 10:00 CDT. */
    private static final Instant TUESDAY_MORNING = Instant.parse("2026-03-10T15:00:00Z");
    /** Tuesday 2026-03-10 18:00 CDT, the minute the office closes. */
    private static final Instant TUESDAY_CLOSING = Instant.parse("2026-03-10T23:00:00Z");

    private static Classification classify(String text, Instant at) {
        return TestRules.classifier().classify(text, at, 0);
    }

    @Test
    void duringOfficeHoursIsNotAfterHours() {
        assertThat(classify(MEDIUM_TEXT, TUESDAY_MORNING).afterHours()).isFalse();
    }

    @Test
    void closingTimeIsAfterHours() {
        assertThat(classify(MEDIUM_TEXT, TUESDAY_CLOSING).afterHours()).isTrue();
    }

    @Test
    void sundayIsAfterHours() {
        assertThat(classify(MEDIUM_TEXT, Instant.parse("2026-03-15T17:00:00Z")).afterHours()).isTrue();
    }

    @Test
    void holidayIsAfterHoursAllDay() {
        // Christmas 2026 is a Friday; 10:00 CST
        assertThat(classify(MEDIUM_TEXT, Instant.parse("2026-12-25T16:00:00Z")).afterHours()).isTrue();
    }

    @Test
    void holidaysComeFromRulesAndDoNotRunOut() {
        // Thanksgiving 2030 (fourth Thursday of November), Memorial Day 2031 (last Monday of May), 10:00 local
        assertThat(classify(MEDIUM_TEXT, Instant.parse("2030-11-28T16:00:00Z")).afterHours()).isTrue();
        assertThat(classify(MEDIUM_TEXT, Instant.parse("2031-05-26T15:00:00Z")).afterHours()).isTrue();
        // 4 July 2032 is a Sunday: observed on Monday the 5th
        assertThat(classify(MEDIUM_TEXT, Instant.parse("2032-07-05T15:00:00Z")).afterHours()).isTrue();
        // and the days around them are ordinary working days
        assertThat(classify(MEDIUM_TEXT, Instant.parse("2030-11-21T16:00:00Z")).afterHours()).isFalse();
        assertThat(classify(MEDIUM_TEXT, Instant.parse("2032-07-06T15:00:00Z")).afterHours()).isFalse();
    }

    @Test
    void emergencyIsDueIn30MinutesDayOrNight() {
        Classification c = classify("basement is flooding", TUESDAY_CLOSING);
        assertThat(c.responseDue()).isEqualTo(TUESDAY_CLOSING.plusSeconds(30 * 60));
    }

    @Test
    void highIsDueInOneHour() {
        Classification c = classify("no hot water", TUESDAY_CLOSING);
        assertThat(c.priority()).isEqualTo(Priority.HIGH);
        assertThat(c.responseDue()).isEqualTo(TUESDAY_CLOSING.plusSeconds(3600));
    }

    @Test
    void mediumDuringHoursIsDueInTwoHours() {
        assertThat(classify(MEDIUM_TEXT, TUESDAY_MORNING).responseDue())
                .isEqualTo(Instant.parse("2026-03-10T17:00:00Z"));
    }

    @Test
    void mediumAfterHoursIsDueTwoHoursAfterTheNextOpening() {
        // Wednesday 07:00 CDT + 2 h
        assertThat(classify(MEDIUM_TEXT, TUESDAY_CLOSING).responseDue())
                .isEqualTo(Instant.parse("2026-03-11T14:00:00Z"));
    }

    @Test
    void lowAfterHoursIsDueFourHoursAfterTheNextOpening() {
        assertThat(classify(LOW_TEXT, TUESDAY_CLOSING).responseDue())
                .isEqualTo(Instant.parse("2026-03-11T16:00:00Z"));
    }

    @Test
    void mediumNearSaturdayClosingCarriesOverToMonday() {
        // Saturday 11:00 CDT: one open hour left, the second one is Monday 07:00-08:00 CDT
        assertThat(classify(MEDIUM_TEXT, Instant.parse("2026-03-14T16:00:00Z")).responseDue())
                .isEqualTo(Instant.parse("2026-03-16T13:00:00Z"));
    }

    @Test
    void mediumOnAHolidayWaitsForTheNextOpenDay() {
        // Friday 2026-12-25 is a holiday; Saturday opens 08:00 CST (14:00Z)
        assertThat(classify(MEDIUM_TEXT, Instant.parse("2026-12-25T16:00:00Z")).responseDue())
                .isEqualTo(Instant.parse("2026-12-26T16:00:00Z"));
    }

    @Test
    void afterHoursDoesNotChangePriorityByDefault() {
        assertThat(classify("no hot water", TUESDAY_CLOSING).priority()).isEqualTo(Priority.HIGH);
        assertThat(classify(MEDIUM_TEXT, TUESDAY_CLOSING).priority()).isEqualTo(Priority.MEDIUM);
    }
}
