package com.plumbline.intake.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the labelled corpus: RFC 4180 CSV with a header row (text, priority, service_type). */
final class CorpusCsv {

    record Row(int line, String text, Priority priority, ServiceType serviceType) {
    }

    private CorpusCsv() {
    }

    static List<Row> read(String resource) throws IOException {
        try (InputStream in = CorpusCsv.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing " + resource);
            }
            List<List<String>> records = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<Row> rows = new ArrayList<>();
            for (int i = 1; i < records.size(); i++) {
                List<String> r = records.get(i);
                if (r.size() != 3) {
                    throw new IOException("record " + i + " has " + r.size() + " fields: " + r);
                }
                rows.add(new Row(i + 1, r.get(0), Priority.valueOf(r.get(1)), ServiceType.valueOf(r.get(2))));
            }
            return rows;
        }
    }

    private static List<List<String>> parse(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else if (c != '\r') {
                field.append(c);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
