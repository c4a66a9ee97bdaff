package com.plumbline.intake.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * A copy of routes/ and config/rules.yaml that the guide's examples are applied to, so the real
 * files are never touched. Edits are made on the parsed YAML (comments of an edited file are lost,
 * which no check here needs):
 * <ul>
 *   <li>a mapping (the rules file) is merged: mappings key by key, lists get the new items;</li>
 *   <li>a list of routes replaces the routes with the same id, or is appended (new file if needed);</li>
 *   <li>with {@code route=ID}, a list of steps is appended to that route's steps, or with
 *       {@code into=EIP} to the steps of its first such EIP.</li>
 * </ul>
 */
final class ExampleWorkspace {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build();

    private final Path root;

    ExampleWorkspace(Path root) {
        this.root = root;
        try {
            Files.createDirectories(routes());
            Files.createDirectories(rules().getParent());
            for (Path file : RouteValidator.routeFiles(Path.of("routes"))) {
                Files.copy(file, routes().resolve(file.getFileName()));
            }
            Files.copy(Path.of("config/rules.yaml"), rules());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path routes() {
        return root.resolve("routes");
    }

    Path rules() {
        return root.resolve("config/rules.yaml");
    }

    Path file(String relative) {
        return root.resolve(relative);
    }

    /** Applies every block of the named example, in the guide's order. */
    ExampleWorkspace apply(String exampleName) {
        List<GuideExample> blocks = GuideExample.read().stream().filter(e -> e.name().equals(exampleName)).toList();
        if (blocks.isEmpty()) {
            throw new AssertionError("docs/integrators.md has no block marked example=" + exampleName);
        }
        blocks.forEach(this::apply);
        return this;
    }

    void apply(GuideExample example) {
        if (example.excerpt()) {
            return;
        }
        Path file = file(Objects.requireNonNull(example.file(), example + ": no file="));
        Object edit = read(example.yaml());
        Object current = Files.exists(file) ? read(file) : null;
        Object edited;
        if (example.route() != null) {
            stepsOf(example, current).addAll(list(edit));
            edited = current;
        } else if (edit instanceof Map<?, ?> map) {
            edited = merge(current, map);
        } else {
            edited = upsertRoutes(current == null ? new ArrayList<>() : list(current), list(edit));
        }
        write(file, edited);
    }

    /** The steps of route {@code route=} (in its file as it is now), or of its first {@code into=} EIP. */
    List<Object> stepsOf(GuideExample example, Object file) {
        Map<String, Object> route = list(file).stream().map(entry -> routeOf(entry))
                .flatMap(Optional::stream).filter(r -> example.route().equals(r.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError(example + ": no route " + example.route() + " in " + example.file()));
        Object from = map(route.get("from"));
        Map<String, Object> parent = example.into() == null ? map(from) : find(from, example.into())
                .orElseThrow(() -> new AssertionError(example + ": no " + example.into() + " in route " + example.route()));
        return list(parent.get("steps"));
    }

    /** Depth first: the body of the first {@code eip:} key under the node. */
    private static Optional<Map<String, Object>> find(Object node, String eip) {
        if (node instanceof Map<?, ?> map) {
            if (map.get(eip) instanceof Map<?, ?> found) {
                return Optional.of(map(found));
            }
            for (Object value : map.values()) {
                Optional<Map<String, Object>> inside = find(value, eip);
                if (inside.isPresent()) {
                    return inside;
                }
            }
        } else if (node instanceof List<?> items) {
            for (Object item : items) {
                Optional<Map<String, Object>> inside = find(item, eip);
                if (inside.isPresent()) {
                    return inside;
                }
            }
        }
        return Optional.empty();
    }

    private static List<Object> upsertRoutes(List<Object> entries, List<Object> routes) {
        for (Object route : routes) {
            Object id = routeOf(route).map(r -> r.get("id")).orElse(null);
            int existing = -1;
            for (int i = 0; i < entries.size() && id != null; i++) {
                if (routeOf(entries.get(i)).map(r -> id.equals(r.get("id"))).orElse(false)) {
                    existing = i;
                }
            }
            if (existing >= 0) {
                entries.set(existing, route);
            } else {
                entries.add(route);
            }
        }
        return entries;
    }

    private static Object merge(Object current, Map<?, ?> edit) {
        if (!(current instanceof Map<?, ?>)) {
            return edit;
        }
        Map<String, Object> target = map(current);
        edit.forEach((key, value) -> {
            Object old = target.get(key);
            if (old instanceof Map<?, ?> && value instanceof Map<?, ?> inner) {
                target.put((String) key, merge(old, inner));
            } else if (old instanceof List<?> && value instanceof List<?> items) {
                list(old).addAll(items);
            } else {
                target.put((String) key, value);
            }
        });
        return target;
    }

    private static Optional<Map<String, Object>> routeOf(Object entry) {
        return entry instanceof Map<?, ?> map && map.get("route") instanceof Map<?, ?> route
                ? Optional.of(map(route)) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        return (List<Object>) node;
    }

    static Object read(String yaml) {
        try {
            return YAML.readValue(yaml, new TypeReference<Object>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Object read(Path file) {
        try {
            return read(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One route of a file of the workspace, alone, as YAML DSL text. */
    String route(String relativeFile, String routeId) {
        List<Object> alone = list(read(file(relativeFile))).stream()
                .filter(entry -> routeOf(entry).map(r -> routeId.equals(r.get("id"))).orElse(false)).toList();
        try {
            return YAML.writeValueAsString(alone);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, Object yaml) {
        try {
            Files.writeString(file, YAML.writeValueAsString(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
