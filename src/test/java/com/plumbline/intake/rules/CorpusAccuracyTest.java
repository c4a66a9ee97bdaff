package com.plumbline.intake.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures the rules on the labelled corpus (src/test/resources/classification/corpus.csv) and
 * prints confusion matrices and the misclassified texts, ready to copy into the README.
 */
class CorpusAccuracyTest {

    /** A Tuesday at 10:00 in Chicago: inside business hours, so nothing is raised for after hours. */
    private static final Instant OFFICE_HOURS = Instant.parse("2026-03-10T15:00:00Z");

    private static List<CorpusCsv.Row> corpus;
    private static final List<Classification> results = new ArrayList<>();

    @BeforeAll
    static void classifyCorpus() throws Exception {
        corpus = CorpusCsv.read("/classification/corpus.csv");
        for (CorpusCsv.Row row : corpus) {
            results.add(TestRules.classifier().classify(row.text(), OFFICE_HOURS, 0));
        }
    }

    @Test
    void corpusIsLargeEnough() {
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(320);
    }

    @Test
    void priorityAccuracyIsAtLeast95Percent() {
        int[][] matrix = new int[Priority.values().length][Priority.values().length];
        int correct = 0;
        for (int i = 0; i < corpus.size(); i++) {
            Priority expected = corpus.get(i).priority();
            Priority actual = results.get(i).priority();
            matrix[expected.ordinal()][actual.ordinal()]++;
            if (expected == actual) {
                correct++;
            } else {
                System.out.printf("priority  line %d: expected %s got %s  %s  <- %s%n", corpus.get(i).line(), expected,
                        actual, results.get(i).matchedKeywords(), shorten(corpus.get(i).text()));
            }
        }
        double accuracy = (double) correct / corpus.size();
        print("Priority", Priority.values(), matrix, correct, accuracy);
        assertThat(accuracy).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void serviceTypeAccuracyIsAtLeast90Percent() {
        int[][] matrix = new int[ServiceType.values().length][ServiceType.values().length];
        int correct = 0;
        for (int i = 0; i < corpus.size(); i++) {
            ServiceType expected = corpus.get(i).serviceType();
            ServiceType actual = results.get(i).serviceType();
            matrix[expected.ordinal()][actual.ordinal()]++;
            if (expected == actual) {
                correct++;
            } else {
                System.out.printf("service   line %d: expected %s got %s  %s  <- %s%n", corpus.get(i).line(), expected,
                        actual, results.get(i).matchedKeywords(), shorten(corpus.get(i).text()));
            }
        }
        double accuracy = (double) correct / corpus.size();
        print("Service type", ServiceType.values(), matrix, correct, accuracy);
        assertThat(accuracy).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void noEmergencyIsClassifiedBelowHigh() {
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            Priority actual = results.get(i).priority();
            if (corpus.get(i).priority() == Priority.EMERGENCY && actual != Priority.EMERGENCY
                    && actual != Priority.HIGH) {
                missed.add("line " + corpus.get(i).line() + " -> " + actual + ": " + corpus.get(i).text());
            }
        }
        assertThat(missed).isEmpty();
    }

    private static void print(String title, Enum<?>[] labels, int[][] matrix, int correct, double accuracy) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n%s accuracy: %d / %d = %.1f %%%n", title, correct, corpus.size(),
                accuracy * 100));
        out.append(String.format("%-16s", "expected \\ got"));
        for (Enum<?> label : labels) {
            out.append(String.format("%15s", label.name()));
        }
        out.append('\n');
        for (int r = 0; r < labels.length; r++) {
            out.append(String.format("%-16s", labels[r].name()));
            for (int c = 0; c < labels.length; c++) {
                out.append(String.format("%15d", matrix[r][c]));
            }
            out.append('\n');
        }
        System.out.println(out);
    }

    private static String shorten(String text) {
        return text.length() > 110 ? text.substring(0, 110) + "..." : text;
    }
}
