package com.plumbline.intake.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class UrgencyAndSentimentTest {

    private static final Instant OPEN = Instant.parse("2026-03-10T15:00:00Z");
    private static final String PLAIN = "my kitchen sink is clogged";

    private static Classification classify(String text, int recent) {
        return TestRules.classifier().classify(text, OPEN, recent);
    }

    @Test
    void plainMessageHasNoUrgency() {
        assertThat(classify(PLAIN, 0).urgency()).isZero();
    }

    @Test
    void asapRaisesUrgency() {
        assertThat(classify(PLAIN + ", need someone ASAP", 0).urgency()).isGreaterThan(0.2);
    }

    @Test
    void rightNowAndUrgentAddUp() {
        assertThat(classify(PLAIN + ", urgent, come right now", 0).urgency())
                .isGreaterThan(classify(PLAIN + ", urgent", 0).urgency());
    }

    @Test
    void repeatedExclamationMarksRaiseUrgency() {
        assertThat(classify(PLAIN + "!!!", 0).urgency()).isGreaterThan(0);
    }

    @Test
    void allCapsRaisesUrgency() {
        assertThat(classify(PLAIN.toUpperCase(), 0).urgency()).isGreaterThan(0);
    }

    @Test
    void severalRecentMessagesFromTheSameNumberRaiseUrgency() {
        assertThat(classify(PLAIN, 2).urgency()).isGreaterThan(classify(PLAIN, 1).urgency());
    }

    @Test
    void notUrgentIsNoUrgencyCue() {
        assertThat(classify(PLAIN + ", not urgent", 0).urgency()).isZero();
    }

    @Test
    void urgencyNeverExceedsOne() {
        assertThat(classify("URGENT!!! HELP ASAP RIGHT NOW EMERGENCY HURRY!!!", 5).urgency()).isEqualTo(1.0);
    }

    @Test
    void thanksIsPositive() {
        assertThat(classify("Thanks, the technician did a great job", 0).sentiment()).isGreaterThan(0);
    }

    @Test
    void complaintIsNegative() {
        assertThat(classify("This is ridiculous, still waiting and nobody called, terrible", 0).sentiment())
                .isLessThan(0);
    }

    @Test
    void sentimentStaysWithinMinusOneAndOne() {
        assertThat(classify("awful awful terrible horrible worst", 0).sentiment()).isBetween(-1.0, 1.0);
    }
}
