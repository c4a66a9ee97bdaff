package com.plumbline.intake.rules;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules on the third blind set (src/test/resources/classification/blind-2026-11c.csv, 334
 * messages written by someone who saw neither the rules, the corpus nor the other sets; see
 * BLIND-SET.md). The figures go to target/blind-set-c-score.txt. Nobody tuning the rules may read
 * this set or its failures; when it has been used, write a fourth.
 */
class BlindSetCScoreTest {

    /**
     * Measured 2026-11-27, first on the rules of that day, before any change made after the set was
     * written (priority 78.4 %, service type 71.6 %, 6 of 63 emergencies below HIGH), then on the
     * rules changed from set b's misses by someone who never saw this set (priority 80.8 %, service
     * type 82.3 %, 5 emergencies below HIGH). The floors are the second; raise them as the rules get
     * better. Targets (issue 19): 95 % and no emergency below HIGH.
     */
    private static final double PRIORITY_FLOOR = 0.808;
    private static final double SERVICE_TYPE_FLOOR = 0.823;
    private static final int EMERGENCIES_BELOW_HIGH_CEILING = 5;

    private static Scorecard blind;

    @BeforeAll
    static void score() throws Exception {
        blind = Scorecard.of("/classification/blind-2026-11c.csv");
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/blind-set-c-score.txt"), blind.report("Blind set 2026-11c"));
        System.out.printf("Blind set 2026-11c: priority %.3f, service type %.3f, emergencies below HIGH %d of %d%n",
                blind.priorityAccuracy(), blind.serviceTypeAccuracy(), blind.emergenciesBelowHigh().size(), blind.rows.size());
    }

    @Test
    void theBlindSetIsLargeEnough() {
        assertThat(blind.rows).hasSizeGreaterThanOrEqualTo(300);
    }

    @Test
    void priorityIsNoWorseThanWhenTheSetWasFirstScored() {
        assertThat(blind.priorityAccuracy()).isGreaterThanOrEqualTo(PRIORITY_FLOOR);
    }

    @Test
    void serviceTypeIsNoWorseThanWhenTheSetWasFirstScored() {
        assertThat(blind.serviceTypeAccuracy()).isGreaterThanOrEqualTo(SERVICE_TYPE_FLOOR);
    }

    @Test
    void noMoreEmergenciesBelowHighThanWhenTheSetWasFirstScored() {
        assertThat(blind.emergenciesBelowHigh()).hasSizeLessThanOrEqualTo(EMERGENCIES_BELOW_HIGH_CEILING);
    }
}
