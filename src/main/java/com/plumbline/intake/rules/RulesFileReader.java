package com.plumbline.intake.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads and compiles config/rules.yaml. Unknown keys fail inside the classifier's sections (a typo
 * there would silently drop a rule) while unknown top-level sections are ignored
 * ({@link RulesFile} is annotated for that), so other features can keep their settings here.
 */
final class RulesFileReader {

    /**
     * The file's top-level {@code lists}: named lists of words, written once and used in several places. An item
     * {@code $name} in any list of the classifier's sections stands for all the words of that list.
     */
    static final String SHARED_LISTS = "lists";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** For the tree the shared lists are put into: "no", "on", "off" in a list of words are words, not booleans. */
    private static final ObjectMapper YAML_TREE = new ObjectMapper(YAMLFactory.builder()
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS).build());

    private RulesFileReader() {
    }

    static CompiledRules read(Path file) {
        String source = file.toString();
        RulesFile parsed;
        try {
            byte[] content = Files.readAllBytes(file);
            // bound once as written, so that a mistake is reported with its line, then with the shared lists in place
            parsed = YAML.readValue(content, RulesFile.class);
            if (parsed != null) {
                parsed = YAML.treeToValue(withSharedLists(YAML_TREE.readTree(content), source), RulesFile.class);
            }
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

    private static JsonNode withSharedLists(JsonNode tree, String source) {
        Map<String, JsonNode> lists = new HashMap<>();
        tree.path(SHARED_LISTS).fields().forEachRemaining(list -> {
            if (!list.getValue().isArray()) {
                throw new InvalidRulesException(source, SHARED_LISTS + "." + list.getKey() + ": not a list of words", null);
            }
            lists.put(list.getKey(), list.getValue());
        });
        return expand(tree, lists, source);
    }

    private static JsonNode expand(JsonNode node, Map<String, JsonNode> lists, String source) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(field -> copy.set(field.getKey(), expand(field.getValue(), lists, source)));
            return copy;
        }
        if (!node.isArray()) {
            return node;
        }
        ArrayNode copy = JsonNodeFactory.instance.arrayNode();
        for (JsonNode item : node) {
            if (item.isTextual() && item.asText().startsWith("$")) {
                JsonNode list = lists.get(item.asText().substring(1));
                if (list == null) {
                    throw new InvalidRulesException(source, "no list named '" + item.asText().substring(1) + "' under "
                            + SHARED_LISTS + " (known: " + new TreeSet<>(lists.keySet()) + ")", null);
                }
                copy.addAll((ArrayNode) list);
            } else {
                copy.add(expand(item, lists, source));
            }
        }
        return copy;
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
