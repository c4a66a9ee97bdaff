package com.plumbline.intake.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ConfidenceTest {

    private static final Instant OPEN = Instant.parse("2026-03-10T15:00:00Z");

    private static double confidence(String text) {
        return TestRules.classifier().classify(text, OPEN, 0).confidence();
    }

    @Test
    void nothingMatchedIsLowConfidence() {
        assertThat(confidence("Hey is this Mark? It's Jenny from the soccer team")).isLessThan(0.5);
    }

    @Test
    void conflictingServiceTypesAreLowConfidence() {
        // a toilet and a water heater, one keyword each: no way to tell which job it is
        assertThat(confidence("the toilet and the water heater")).isLessThan(0.5);
    }

    @Test
    void clearProblemIsConfident() {
        assertThat(confidence("water heater not working, no hot water")).isGreaterThanOrEqualTo(0.7);
    }

    @Test
    void moreEvidenceIsMoreConfident() {
        assertThat(confidence("basement flooding, pipe burst, water everywhere"))
                .isGreaterThan(confidence("basement flooding"));
    }

    @Test
    void confidenceStaysBetweenZeroAndOne() {
        assertThat(confidence("FLOODING burst pipe gas leak sewage backup flooded flood emergency"))
                .isBetween(0.0, 1.0);
    }
}
