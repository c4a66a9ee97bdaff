package com.plumbline.intake.rules;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules on the second blind set (src/test/resources/classification/blind-2026-11b.csv, 373
 * messages written by someone who saw neither the rules nor the corpus nor the first set's
 * failures; see BLIND-SET.md). The figures go to target/blind-set-b-score.txt. Nobody tuning the
 * rules may read this set or its failures; when it has been used, write a third.
 */
class BlindSetBScoreTest {

    /**
     * Measured 2026-11-26, first on the rules of that day, before any change made after the set was
     * written (priority 68.4 %, service type 67.6 %, 14 of 65 emergencies below HIGH), then on the
     * rules generalised against the development set by someone who never saw this set (priority
     * 72.7 %, service type 69.7 %, 10 emergencies below HIGH). The floors are the second; raise them
     * as the rules get better. Targets (issue 19): 95 % and no emergency below HIGH.
     */
    private static final double PRIORITY_FLOOR = 0.726;
    private static final double SERVICE_TYPE_FLOOR = 0.696;
    private static final int EMERGENCIES_BELOW_HIGH_CEILING = 10;

    private static Scorecard blind;

    @BeforeAll
    static void score() throws Exception {
        blind = Scorecard.of("/classification/blind-2026-11b.csv");
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/blind-set-b-score.txt"), blind.report("Blind set 2026-11b"));
        System.out.printf("Blind set 2026-11b: priority %.3f, service type %.3f, emergencies below HIGH %d of %d%n",
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
