package com.plumbline.intake.rules;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules on the second development set (src/test/resources/classification/blind-2026-11b.csv, 373
 * messages). It was written as a blind set by someone who saw neither the rules nor the corpus nor the
 * first set's failures (see BLIND-SET.md) and scored blind; its failures have since been read and the
 * rules generalised against them (issue 19, branch rules3), so it now measures fit, like the corpus and
 * the first development set. The blind measurement is done on a newer set written after that work, which
 * nobody tuning the rules may read. The figures go to target/development-set-b-score.txt; the floors
 * below are what the rules score now, so a change that makes them worse fails the build.
 */
class DevelopmentSetBScoreTest {

    /**
     * Measured 2026-11-26/27. Blind, on the rules of the day the set was written: priority 68.4 %, service
     * type 67.6 %, 14 of 65 emergencies below HIGH; still blind, after the first development set's tuning
     * (rules2): priority 72.7 %, service type 69.7 %, 10 emergencies below HIGH. As a development set, after
     * the rules were generalised against its failures (rules3): priority 336 of 373 (90.1 %), service type
     * 322 of 373 (86.3 %), no emergency below HIGH.
     */
    private static final double PRIORITY_FLOOR = 0.900;
    private static final double SERVICE_TYPE_FLOOR = 0.863;
    private static final int EMERGENCIES_BELOW_HIGH_CEILING = 0;

    private static Scorecard development;

    @BeforeAll
    static void score() throws Exception {
        development = Scorecard.of("/classification/blind-2026-11b.csv");
        String report = development.report("Development set 2026-11b (blind-2026-11b.csv)");
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/development-set-b-score.txt"), report);
    }

    @Test
    void theDevelopmentSetIsLargeEnough() {
        assertThat(development.rows).hasSizeGreaterThanOrEqualTo(300);
    }

    @Test
    void priorityIsNoWorseThanTheLastTuning() {
        assertThat(development.priorityAccuracy()).isGreaterThanOrEqualTo(PRIORITY_FLOOR);
    }

    @Test
    void serviceTypeIsNoWorseThanTheLastTuning() {
        assertThat(development.serviceTypeAccuracy()).isGreaterThanOrEqualTo(SERVICE_TYPE_FLOOR);
    }

    @Test
    void noEmergencyIsClassifiedBelowHigh() {
        assertThat(development.emergenciesBelowHigh()).hasSizeLessThanOrEqualTo(EMERGENCIES_BELOW_HIGH_CEILING);
    }
}
