package com.plumbline.intake.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads and compiles config/rules.yaml. Unknown keys fail inside the classifier's sections (a typo
 * there would silently drop a rule) while unknown top-level sections are ignored
 * ({@link RulesFile} is annotated for that), so other features can keep their settings here.
 */
final class RulesFileReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private RulesFileReader() {
    }

    static CompiledRules read(Path file) {
        String source = file.toString();
        RulesFile parsed;
        try {
            parsed = YAML.readValue(Files.readAllBytes(file), RulesFile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidRulesException(source, pathOf(e) + ": unknown key '" + e.getPropertyName()
                    + "' (known: " + e.getKnownPropertyIds() + ")" + lineOf(e.getLocation()), e);
        } catch (JsonMappingException e) {
            throw new InvalidRulesException(source, pathOf(e) + ": " + e.getOriginalMessage() + lineOf(e.getLocation()), e);
        } catch (JsonProcessingException e) {
            throw new InvalidRulesException(source, "not valid YAML: " + e.getOriginalMessage() + lineOf(e.getLocation()), e);
        } catch (IOException e) {
            throw new InvalidRulesException(source, "cannot read the file: " + e, e);
        }
        if (parsed == null) {
            throw new InvalidRulesException(source, "the file is empty", null);
        }
        return RulesCompiler.compile(parsed, source);
    }

    /** The named section bound to its type and checked; null when the file has no such section. */
    static <T> T readSection(Path file, RulesSection<T> section) {
        String source = file.toString();
        T value;
        try {
            value = YAML.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readerFor(section.type()).at("/" + section.name()).readValue(Files.readAllBytes(file));
        } catch (JsonMappingException e) {
            throw new InvalidRulesException(source, section.name() + "." + pathOf(e) + ": " + e.getOriginalMessage()
                    + lineOf(e.getLocation()), e);
        } catch (IOException e) {
            throw new InvalidRulesException(source, "cannot read the file: " + e, e);
        }
        if (value != null) {
            List<String> problems = section.validator().problems(value);
            if (!problems.isEmpty()) {
                throw new InvalidRulesException(source, problems.stream().map(p -> section.name() + "." + p).toList());
            }
        }
        return value;
    }

    private static String pathOf(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? "(top level)" : path;
    }

    private static String lineOf(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : " at line " + location.getLineNr();
    }
}
