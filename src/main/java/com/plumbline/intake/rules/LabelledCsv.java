package com.plumbline.intake.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Labelled examples in the corpus format: RFC 4180 CSV with a header row {@code "text","priority","service_type"},
 * the format of src/main/resources/classification/*.csv and of the review export ({@code /api/review/corrections.csv}).
 */
public final class LabelledCsv {

    /** One labelled message; {@code line} is its record's line in the file (the header is line 1). */
    public record Example(int line, String text, Priority priority, ServiceType serviceType) {
    }

    private LabelledCsv() {
    }

    public static List<Example> read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** A classpath resource such as {@code /classification/corpus.csv}. */
    public static List<Example> readResource(String resource) throws IOException {
        try (InputStream in = LabelledCsv.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        }
    }

    static List<Example> parse(String csv, String source) throws IOException {
        List<List<String>> records = records(csv);
        List<Example> examples = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> r = records.get(i);
            if (r.size() == 1 && r.get(0).isBlank()) {
                continue;
            }
            if (r.size() != 3) {
                throw new IOException(source + ": record " + i + " has " + r.size() + " fields, expected text,priority,service_type");
            }
            try {
                examples.add(new Example(i + 1, r.get(0), Priority.valueOf(r.get(1).trim()),
                        ServiceType.valueOf(r.get(2).trim())));
            } catch (IllegalArgumentException e) {
                throw new IOException(source + ": record " + i + " has an unknown priority or service type: " + r.subList(1, 3), e);
            }
        }
        return examples;
    }

    private static List<List<String>> records(String csv) {
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
