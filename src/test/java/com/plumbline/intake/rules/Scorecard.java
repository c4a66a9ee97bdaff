package com.plumbline.intake.rules;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The rules scored on a labelled set (RFC 4180 CSV: text, priority, service_type): accuracy,
 * confusion matrices, precision and recall per label, and the misread rows, as text ready for
 * bench/RESULTS-classifier.md.
 */
final class Scorecard {

    /** A Tuesday at 10:00 in Chicago: inside business hours, so nothing is raised for after hours. */
    static final Instant OFFICE_HOURS = Instant.parse("2026-03-10T15:00:00Z");

    final List<CorpusCsv.Row> rows;
    final List<Classification> results = new ArrayList<>();

    private Scorecard(List<CorpusCsv.Row> rows, MessageClassifier classifier) {
        this.rows = rows;
        for (CorpusCsv.Row row : rows) {
            results.add(classifier.classify(row.text(), OFFICE_HOURS, 0));
        }
    }

    /** Rows already classified (by models that never saw them, in cross-validation). */
    Scorecard(List<CorpusCsv.Row> rows, List<Classification> results) {
        this.rows = rows;
        this.results.addAll(results);
    }

    /** The classifier the application runs (rules and model) on a labelled set. */
    static Scorecard of(String resource) throws IOException {
        return of(resource, TestRules.classifier());
    }

    static Scorecard of(String resource, MessageClassifier classifier) throws IOException {
        return new Scorecard(CorpusCsv.read(resource), classifier);
    }

    static Scorecard of(List<CorpusCsv.Row> rows, MessageClassifier classifier) {
        return new Scorecard(rows, classifier);
    }

    double priorityAccuracy() {
        return accuracy(CorpusCsv.Row::priority, Classification::priority);
    }

    double serviceTypeAccuracy() {
        return accuracy(CorpusCsv.Row::serviceType, Classification::serviceType);
    }

    /** The error this product must not make: an emergency read as MEDIUM or LOW gets no alert and no escalation. */
    List<String> emergenciesBelowHigh() {
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Priority actual = results.get(i).priority();
            if (rows.get(i).priority() == Priority.EMERGENCY && actual != Priority.EMERGENCY && actual != Priority.HIGH) {
                missed.add("line " + rows.get(i).line() + " -> " + actual + ": " + rows.get(i).text());
            }
        }
        return missed;
    }

    /** Messages read as EMERGENCY (each an immediate alert to staff, day or night) and how many of them are labelled so. */
    record Alerts(int read, int labelledEmergency) {
    }

    Alerts emergencyAlerts() {
        int read = 0;
        int labelled = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (results.get(i).priority() == Priority.EMERGENCY) {
                read++;
                if (rows.get(i).priority() == Priority.EMERGENCY) {
                    labelled++;
                }
            }
        }
        return new Alerts(read, labelled);
    }

    String report(String title) {
        return title + " (" + rows.size() + " messages)\n"
                + section("Priority", Priority.values(), CorpusCsv.Row::priority, Classification::priority)
                + section("Service type", ServiceType.values(), CorpusCsv.Row::serviceType, Classification::serviceType);
    }

    private <E extends Enum<E>> double accuracy(Function<CorpusCsv.Row, E> expected, Function<Classification, E> actual) {
        int correct = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (expected.apply(rows.get(i)) == actual.apply(results.get(i))) {
                correct++;
            }
        }
        return (double) correct / rows.size();
    }

    private <E extends Enum<E>> String section(String name, E[] labels, Function<CorpusCsv.Row, E> expected,
                                               Function<Classification, E> actual) {
        int[][] matrix = new int[labels.length][labels.length];
        StringBuilder misread = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            E want = expected.apply(rows.get(i));
            E got = actual.apply(results.get(i));
            matrix[want.ordinal()][got.ordinal()]++;
            if (want != got) {
                misread.append(String.format(Locale.ROOT, "  line %d: expected %s got %s %s <- %s%n", rows.get(i).line(),
                        want, got, results.get(i).matchedKeywords(), shorten(rows.get(i).text())));
            }
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%n%s accuracy: %.1f %%%n%-16s", name,
                accuracy(expected, actual) * 100, "expected \\ got"));
        for (E label : labels) {
            out.append(String.format("%15s", label.name()));
        }
        out.append(String.format("%15s%15s%n", "precision", "recall"));
        for (E row : labels) {
            out.append(String.format("%-16s", row.name()));
            int predicted = 0;
            int actualCount = 0;
            for (E column : labels) {
                out.append(String.format("%15d", matrix[row.ordinal()][column.ordinal()]));
                predicted += matrix[column.ordinal()][row.ordinal()];
                actualCount += matrix[row.ordinal()][column.ordinal()];
            }
            int hits = matrix[row.ordinal()][row.ordinal()];
            out.append(String.format(Locale.ROOT, "%14.1f%%%14.1f%%%n", percent(hits, predicted), percent(hits, actualCount)));
        }
        return out.append("Misread:\n").append(misread).toString();
    }

    private static double percent(int part, int whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    private static String shorten(String text) {
        return text.length() > 110 ? text.substring(0, 110) + "..." : text;
    }
}
