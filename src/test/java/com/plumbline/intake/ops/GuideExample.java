package com.plumbline.intake.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One block of a worked example in docs/integrators.md: a fenced block whose info string names it,
 * e.g. {@code ```yaml example=chat-channel file=routes/notify.camel.yaml route=notify-dispatch into=multicast}.
 * The markdown stays the single source: the test applies exactly what readers see.
 *
 * @param name       the example it belongs to (several blocks may share one)
 * @param attributes {@code file} (required), {@code route}, {@code into}, and flags such as {@code excerpt}
 * @param yaml       the block's text, without the indentation of the list item it sits in
 * @param line       where the block starts in the guide, for failure messages
 */
record GuideExample(String name, Map<String, String> attributes, String yaml, int line) {

    static final Path GUIDE = Path.of("docs/integrators.md");

    String file() {
        return attributes.get("file");
    }

    String route() {
        return attributes.get("route");
    }

    String into() {
        return attributes.get("into");
    }

    boolean excerpt() {
        return attributes.containsKey("excerpt");
    }

    static List<GuideExample> read() {
        try {
            return parse(Files.readAllLines(GUIDE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<GuideExample> parse(List<String> lines) {
        List<GuideExample> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.stripLeading();
            if (!trimmed.startsWith("```") || !trimmed.contains("example=")) {
                continue;
            }
            int indent = line.length() - trimmed.length();
            Map<String, String> attributes = attributes(trimmed.substring(3));
            StringBuilder yaml = new StringBuilder();
            int start = i + 1;
            for (i = start; !lines.get(i).strip().equals("```"); i++) {
                String body = lines.get(i);
                yaml.append(body.length() >= indent ? body.substring(indent) : body.strip()).append('\n');
            }
            examples.add(new GuideExample(attributes.get("example"), attributes, yaml.toString(), start));
        }
        return examples;
    }

    /** "yaml example=x file=y excerpt" -> {example=x, file=y, excerpt=""}; the language word is skipped. */
    private static Map<String, String> attributes(String info) {
        Map<String, String> attributes = new LinkedHashMap<>();
        String[] words = info.trim().split("\\s+");
        for (int w = 1; w < words.length; w++) {
            int equals = words[w].indexOf('=');
            if (equals < 0) {
                attributes.put(words[w], "");
            } else {
                attributes.put(words[w].substring(0, equals), words[w].substring(equals + 1));
            }
        }
        return attributes;
    }

    @Override
    public String toString() {
        return name + " (docs/integrators.md:" + line + ")";
    }
}
