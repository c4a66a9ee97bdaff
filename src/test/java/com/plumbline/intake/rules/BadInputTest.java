package com.plumbline.intake.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;

class BadInputTest {

    private static final Instant OPEN = Instant.parse("2026-03-10T15:00:00Z");

    private static void assertLowGeneralUnsure(String text) {
        Classification c = TestRules.classifier().classify(text, OPEN, 0);
        assertThat(c.priority()).isEqualTo(Priority.LOW);
        assertThat(c.serviceType()).isEqualTo(ServiceType.GENERAL);
        assertThat(c.confidence()).isLessThan(0.5);
        assertThat(c.matchedKeywords()).isEmpty();
        assertThat(c.responseDue()).isAfter(OPEN);
    }

    @Test
    void nullBody() {
        assertLowGeneralUnsure(null);
    }

    @Test
    void emptyBody() {
        assertLowGeneralUnsure("");
    }

    @Test
    void whitespaceBody() {
        assertLowGeneralUnsure(" \n\t ");
    }

    @Test
    void emojiOnlyBody() {
        assertLowGeneralUnsure("😀👍🚽💧🔥");
    }

    @Test
    void binaryGarbage() {
        byte[] bytes = new byte[4096];
        new Random(42).nextBytes(bytes);
        assertLowGeneralUnsure(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    @Test
    void invalidUtf8Garbage() {
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        assertLowGeneralUnsure(new String(bytes, StandardCharsets.UTF_8));
    }

    @Test
    void hugeBodyOfNoise() {
        assertLowGeneralUnsure("lorem ipsum dolor sit amet ".repeat(8_000));
    }

    @Test
    void hugeBodyStillFindsAnEarlyEmergency() {
        Classification c = TestRules.classifier().classify(
                "basement flooding! " + "blah ".repeat(40_000), OPEN, 0);
        assertThat(c.priority()).isEqualTo(Priority.EMERGENCY);
    }
}
