package com.plumbline.intake.rules;

import java.io.IOException;
import java.util.List;

/** Reads a labelled set (RFC 4180 CSV with a header row: text, priority, service_type) from the classpath. */
final class CorpusCsv {

    record Row(int line, String text, Priority priority, ServiceType serviceType) {
    }

    private CorpusCsv() {
    }

    static List<Row> read(String resource) throws IOException {
        return LabelledCsv.readResource(resource).stream()
                .map(e -> new Row(e.line(), e.text(), e.priority(), e.serviceType()))
                .toList();
    }
}
