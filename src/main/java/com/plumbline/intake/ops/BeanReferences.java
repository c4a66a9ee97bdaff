package com.plumbline.intake.ops;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The beans a route file names, each with the method it calls (if any) and its line. Read from the
 * YAML nodes rather than Camel's model, because the nodes keep the line of every value:
 * {@code ref:} (with its sibling {@code method:}, as in {@code bean:} and the {@code method:}
 * expression), {@code ...Ref:} keys (error handler processors), {@code idempotentRepository:},
 * {@code #name} in URIs and parameters, {@code bean:name?method=m} URIs and {@code ${bean:name...}}
 * in simple expressions. A route template is read once per {@code templatedRoute}, with that route's
 * parameters: a misspelt bean or method is reported at the parameter that names it.
 */
public final class BeanReferences {

    /** {@code #name} or {@code #bean:name} as a whole value or URI parameter; not {@code #class:}/{@code #type:}. */
    private static final Pattern HASH = Pattern.compile("(?:^|[?&=])#(?:bean:)?([A-Za-z_]\\w*)(?![\\w:])");
    private static final Pattern BEAN_URI = Pattern.compile("^bean:([A-Za-z_]\\w*)(?:\\?method=(\\w+))?");
    private static final Pattern SIMPLE_BEAN = Pattern.compile("\\$\\{bean:([A-Za-z_]\\w*)(?:(?:\\?method=|\\.)(\\w+))?");

    /** @param method the method named, without its parameters; null when none is named */
    public record Reference(String bean, String method, int line) {
    }

    private BeanReferences() {
    }

    /** Every reference in the file's YAML; empty when it does not parse (the DSL reports that). */
    public static List<Reference> in(String yaml) {
        List<Reference> references = new ArrayList<>();
        try {
            new Compose(LoadSettings.builder().build()).composeString(yaml).ifPresent(node -> {
                Map<String, MappingNode> templates = new HashMap<>();
                if (node instanceof SequenceNode entries) {
                    entries.getValue().forEach(entry -> child(entry, "routeTemplate").ifPresent(template ->
                            templates.put(scalarValue(template, "id"), template)));
                }
                walk(node, Map.of(), templates, references);
            });
        } catch (RuntimeException unreadable) {
            return List.of();
        }
        return references;
    }

    /**
     * @param parameters while inside a template's route for one templatedRoute: each {@code {{name}}}
     *                   and the node its value came from (the templatedRoute's, or the template's default)
     */
    private static void walk(Node node, Map<String, ScalarNode> parameters, Map<String, MappingNode> templates,
                             List<Reference> references) {
        if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(item -> walk(item, parameters, templates, references));
        } else if (node instanceof ScalarNode scalar) {
            inText(scalar.getValue(), line(scalar), references);
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
                Node value = tuple.getValueNode();
                if ("routeTemplate".equals(key)) {
                    continue; // read once per templatedRoute, with its parameters
                }
                if ("templatedRoute".equals(key) && value instanceof MappingNode templated) {
                    MappingNode template = templates.get(scalarValue(templated, "routeTemplateRef"));
                    if (template != null) {
                        child(template, "route").ifPresent(route ->
                                walk(route, parameters(template, templated), templates, references));
                    }
                } else if (value instanceof ScalarNode scalar && namesABean(key)) {
                    ScalarNode bean = resolve(scalar, parameters);
                    if (bean.getValue().contains("{{")) {
                        continue;
                    }
                    String method = null;
                    int line = line(bean);
                    if ("ref".equals(key)) {
                        ScalarNode methodNode = scalarNode(mapping, "method");
                        if (methodNode != null) {
                            ScalarNode resolved = resolve(methodNode, parameters);
                            method = methodName(resolved.getValue());
                            if (resolved != methodNode) {
                                line = line(resolved); // the parameter to fix is the one naming the method
                            }
                        }
                    }
                    references.add(new Reference(bean.getValue().replaceFirst("^#(bean:)?", ""), method, line));
                } else {
                    walk(value, parameters, templates, references);
                }
            }
        }
    }

    /** A template's parameters for one templatedRoute: its values, else the template's defaults. */
    private static Map<String, ScalarNode> parameters(MappingNode template, MappingNode templated) {
        Map<String, ScalarNode> parameters = new HashMap<>();
        collect(template, "defaultValue", parameters);
        collect(templated, "value", parameters);
        return parameters;
    }

    private static void collect(MappingNode owner, String valueKey, Map<String, ScalarNode> into) {
        if (childNode(owner, "parameters") instanceof SequenceNode items) {
            for (Node item : items.getValue()) {
                if (item instanceof MappingNode parameter) {
                    String name = scalarValue(parameter, "name");
                    ScalarNode value = scalarNode(parameter, valueKey);
                    if (name != null && value != null) {
                        into.put(name, value);
                    }
                }
            }
        }
    }

    /** {@code "{{name}}"} as a whole value becomes the parameter's node; anything else stays. */
    private static ScalarNode resolve(ScalarNode scalar, Map<String, ScalarNode> parameters) {
        String value = scalar.getValue().trim();
        if (value.startsWith("{{") && value.endsWith("}}")) {
            ScalarNode parameter = parameters.get(value.substring(2, value.length() - 2).trim());
            if (parameter != null) {
                return parameter;
            }
        }
        return scalar;
    }

    private static Optional<MappingNode> child(Node node, String key) {
        return childNode(node, key) instanceof MappingNode m ? Optional.of(m) : Optional.empty();
    }

    private static Node childNode(Node node, String key) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode k && key.equals(k.getValue())) {
                    return tuple.getValueNode();
                }
            }
        }
        return null;
    }

    private static boolean namesABean(String key) {
        return "ref".equals(key) || (key.endsWith("Ref") && !"routeTemplateRef".equals(key))
                || "idempotentRepository".equals(key);
    }

    private static void inText(String text, int line, List<Reference> references) {
        Matcher hash = HASH.matcher(text);
        while (hash.find()) {
            references.add(new Reference(hash.group(1), null, line));
        }
        Matcher uri = BEAN_URI.matcher(text);
        if (uri.find()) {
            references.add(new Reference(uri.group(1), uri.group(2), line));
        }
        Matcher simple = SIMPLE_BEAN.matcher(text);
        while (simple.find()) {
            references.add(new Reference(simple.group(1), simple.group(2), line));
        }
    }

    /** Camel's {@code method: "find(${body.messageId})"} names the method before the parenthesis. */
    static String methodName(String method) {
        if (method == null || method.isBlank() || method.contains("{{")) {
            return null;
        }
        int parenthesis = method.indexOf('(');
        return (parenthesis < 0 ? method : method.substring(0, parenthesis)).trim();
    }

    private static String scalarValue(MappingNode mapping, String key) {
        ScalarNode node = scalarNode(mapping, key);
        return node == null ? null : node.getValue();
    }

    private static ScalarNode scalarNode(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && key.equals(k.getValue())
                    && tuple.getValueNode() instanceof ScalarNode value) {
                return value;
            }
        }
        return null;
    }

    private static int line(Node node) {
        return node.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
    }
}
