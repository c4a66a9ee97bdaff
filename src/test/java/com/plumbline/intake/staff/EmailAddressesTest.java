package com.plumbline.intake.staff;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Staff e-mail addresses: a well-kept validator, quick on any input. */
class EmailAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"dana@plumbline.test", "dana.reyes+dispatch@mail.plumbline.co.uk", " pat@plumbline.test "})
    void ordinaryAddressesAreAccepted(String address) {
        assertThat(StaffDirectory.looksLikeEmail(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dana", "dana@", "@plumbline.test", "dana@localhost", "dana@plumbline.", "da na@plumbline.test",
            "dana@plumbline@test.com", "dana@.test"})
    void malformedAddressesAreRefused(String address) {
        assertThat(StaffDirectory.looksLikeEmail(address)).isFalse();
    }

    @Test
    void craftedInputThatMadeTheOldRegexQuadraticIsRefusedAtOnce() {
        // "x@" then dots and a final "@": the old ^[^@\s]+@[^@\s]+\.[^@\s]+$ tried every split of the dots
        String crafted = "x@" + ".".repeat(100_000) + "@";
        String long254 = "x@" + "a".repeat(300) + ".test";

        assertTimeoutPreemptively(Duration.ofMillis(500), () -> {
            assertThat(StaffDirectory.looksLikeEmail(crafted)).isFalse();
            assertThat(StaffDirectory.looksLikeEmail(long254)).isFalse();
            assertThat(StaffDirectory.looksLikeEmail("x@" + "a.".repeat(60) + "test")).isTrue();
        });
    }
}
