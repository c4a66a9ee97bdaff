package com.plumbline.intake.rules;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules on the development set (src/test/resources/classification/blind-2026-11.csv). It was written
 * as a blind set by someone who saw neither the rules nor the corpus (see BLIND-SET.md), and scored blind
 * once; its failures have since been read and the rules tuned against them, so it now measures fit, like
 * the corpus. The blind measurement is done on a newer set written after the tuning (the second set,
 * blind-2026-11b.csv, has become a development set too: DevelopmentSetBScoreTest). The figures go to
 * target/development-set-score.txt and bench/RESULTS-classifier.md; the floors below are what the rules
 * score now, so a change that makes them worse fails the build.
 */
class DevelopmentSetScoreTest {

    /**
     * Measured 2026-11-26. Blind, before any rule change: priority 62.0 %, service type 75.1 %, 35
     * emergencies below HIGH; blind, issue 19's first rework: priority 66.9 %, service type 76.2 %, 11
     * emergencies below HIGH. As a development set, after the rules were generalised (branch rules2):
     * priority 336 of 353 (95.2 %), service type 300 of 353 (85.0 %), no emergency below HIGH. After the
     * rules were generalised against the second development set (blind-2026-11b.csv, branch rules3):
     * priority 337 of 353 (95.5 %), service type 320 of 353 (90.7 %), no emergency below HIGH.
     */
    private static final double PRIORITY_FLOOR = 0.954;
    private static final double SERVICE_TYPE_FLOOR = 0.906;
    private static final int EMERGENCIES_BELOW_HIGH_CEILING = 0;

    private static Scorecard development;

    @BeforeAll
    static void score() throws Exception {
        development = Scorecard.of("/classification/blind-2026-11.csv");
        String report = development.report("Development set 2026-11 (blind-2026-11.csv)");
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/development-set-score.txt"), report);
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
