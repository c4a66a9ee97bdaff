package com.plumbline.intake.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures the classifier (rules and the learned model, which is trained on this corpus) on the labelled corpus (src/main/resources/classification/corpus.csv) and
 * prints confusion matrices, precision and recall, and the misclassified texts. The corpus and the
 * rules were written together: this measures fit, as LabelledSetScoreTest does on a set that was
 * blind once; only a newer blind set measures the rules on messages nobody tuned them to.
 */
class CorpusAccuracyTest {

    private static Scorecard corpus;

    @BeforeAll
    static void classifyCorpus() throws Exception {
        corpus = Scorecard.of("/classification/corpus.csv");
        System.out.println(corpus.report("Project corpus"));
    }

    @Test
    void corpusIsLargeEnough() {
        assertThat(corpus.rows).hasSizeGreaterThanOrEqualTo(320);
    }

    @Test
    void priorityAccuracyIsAtLeast95Percent() {
        assertThat(corpus.priorityAccuracy()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void serviceTypeAccuracyIsAtLeast90Percent() {
        assertThat(corpus.serviceTypeAccuracy()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void noEmergencyIsClassifiedBelowHigh() {
        assertThat(corpus.emergenciesBelowHigh()).isEmpty();
    }
}
