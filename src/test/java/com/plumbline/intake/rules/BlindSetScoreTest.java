package com.plumbline.intake.rules;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules on the blind set (src/test/resources/classification/blind-2026-11.csv, written by
 * someone who saw neither the rules nor the corpus; see BLIND-SET.md). The figures go to
 * target/blind-set-score.txt and bench/RESULTS-classifier.md. The floors below are the figures the
 * rules scored when the set was first used: the build fails if a change makes the rules worse on
 * messages nobody tuned them to. Never tune a rule while looking at this set's failures.
 */
class BlindSetScoreTest {

    /**
     * Measured 2026-11-26: first on the rules of that day, before any rule was changed (priority
     * 219 of 353, 62.0 %; service type 75.1 %; 35 emergencies below HIGH), then on the reworked
     * rules of issue 19, written by someone who never saw this set (priority 236 of 353, 66.9 %;
     * service type 269 of 353, 76.2 %; 11 emergencies below HIGH). The floors are the second;
     * raise them as the rules get better. Targets (issue 19): 95 % and no emergency below HIGH.
     */
    private static final double PRIORITY_FLOOR = 0.668;
    private static final double SERVICE_TYPE_FLOOR = 0.762;
    private static final int EMERGENCIES_BELOW_HIGH_CEILING = 11;

    private static Scorecard blind;

    @BeforeAll
    static void score() throws Exception {
        blind = Scorecard.of("/classification/blind-2026-11.csv");
        String report = blind.report("Blind set 2026-11");
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/blind-set-score.txt"), report);
    }

    @Test
    void theBlindSetIsLargeEnough() {
        assertThat(blind.rows).hasSizeGreaterThanOrEqualTo(300);
    }

    @Test
    void priorityIsNoWorseThanWhenTheSetWasFirstUsed() {
        assertThat(blind.priorityAccuracy()).isGreaterThanOrEqualTo(PRIORITY_FLOOR);
    }

    @Test
    void serviceTypeIsNoWorseThanWhenTheSetWasFirstUsed() {
        assertThat(blind.serviceTypeAccuracy()).isGreaterThanOrEqualTo(SERVICE_TYPE_FLOOR);
    }

    @Test
    void noMoreEmergenciesBelowHighThanWhenTheSetWasFirstUsed() {
        assertThat(blind.emergenciesBelowHigh()).hasSizeLessThanOrEqualTo(EMERGENCIES_BELOW_HIGH_CEILING);
    }
}
