package com.plumbline.intake.ops;

import java.util.ArrayList;
import java.util.List;
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
 * in simple expressions.
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
            new Compose(LoadSettings.builder().build()).composeString(yaml).ifPresent(node -> walk(node, references));
        } catch (RuntimeException unreadable) {
            return List.of();
        }
        return references;
    }

    private static void walk(Node node, List<Reference> references) {
        if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(item -> walk(item, references));
        } else if (node instanceof ScalarNode scalar) {
            inText(scalar.getValue(), line(scalar), references);
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
                Node value = tuple.getValueNode();
                if (value instanceof ScalarNode scalar && namesABean(key) && !scalar.getValue().contains("{{")) {
                    String method = "ref".equals(key) ? methodName(scalarValue(mapping, "method")) : null;
                    references.add(new Reference(scalar.getValue().replaceFirst("^#(bean:)?", ""), method, line(scalar)));
                } else {
                    walk(value, references);
                }
            }
        }
    }

    private static boolean namesABean(String key) {
        return "ref".equals(key) || key.endsWith("Ref") || "idempotentRepository".equals(key);
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
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && key.equals(k.getValue())
                    && tuple.getValueNode() instanceof ScalarNode value) {
                return value.getValue();
            }
        }
        return null;
    }

    private static int line(Node node) {
        return node.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
    }
}
