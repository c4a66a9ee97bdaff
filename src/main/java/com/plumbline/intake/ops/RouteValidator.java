package com.plumbline.intake.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.LineNumberAware;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.SendDefinition;

import org.apache.camel.spi.PropertiesSource;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * Checks YAML route files before they are deployed (or reloaded): each file is loaded with Camel's
 * YAML DSL into a plain CamelContext that is never started, so neither the database, the broker
 * nor the Spring beans are needed. Reported, with file and line: unreadable YAML, unknown EIPs and
 * keys, routes without an id or a description, duplicate route ids, endpoints of components that
 * are not on the classpath, {@code direct:} endpoints nobody consumes, unknown
 * {@code routeConfigurationId}s, and bean references ({@code ref:}, {@code method:}, {@code #bean})
 * naming a bean or a method that does not exist. Beans are looked up in the classpath
 * ({@link BeanCatalog}) or, when the service reloads a file, in its registry.
 *
 * <p>Run: {@code ./mvnw -q compile exec:java} (validates {@code routes/}), or with the built jar
 * {@code java -cp target/plumbline-intake-*.jar -Dloader.main=com.plumbline.intake.ops.RouteValidator
 * org.springframework.boot.loader.launch.PropertiesLauncher routes}. Exit code 1 when anything is wrong.
 */
public final class RouteValidator {

    public static final String FILE_PATTERN = "*.camel.yaml";

    /** snakeyaml and Camel's YAML DSL say where they stopped as "line N, column M". */
    private static final Pattern LINE = Pattern.compile("line (\\d+), column \\d+");

    private final Function<String, Optional<Class<?>>> beanTypes;

    /** Beans as the classpath declares them: the integrator's machine has no Spring context. */
    public RouteValidator() {
        this(BeanCatalog.scan(BeanCatalog.APPLICATION_PACKAGE)::typeOf);
    }

    /** Bean names are resolved to their classes with this lookup (e.g. the running service's registry). */
    public RouteValidator(Function<String, Optional<Class<?>>> beanTypes) {
        this.beanTypes = beanTypes;
    }

    public static void main(String[] args) {
        // the sandbox contexts' start/stop lines would drown the report
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.apache.camel"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Path dir = Path.of(args.length > 0 ? args[0] : "routes");
        Report report = new RouteValidator().validateDirectory(dir);
        report.problems().forEach(problem -> System.err.println("ERROR " + problem));
        if (report.ok()) {
            System.out.printf("OK %d route files, %d routes in %s%n", report.files(), report.routeIds().size(), dir);
        } else {
            System.err.printf("FAILED %d problem(s) in %s%n", report.problems().size(), dir);
        }
        System.exit(report.ok() ? 0 : 1);
    }

    /** Every {@value #FILE_PATTERN} file of the folder, and what they refer to across files. */
    public Report validateDirectory(Path dir) {
        List<Path> files = routeFiles(dir);
        List<RouteProblem> problems = new ArrayList<>();
        if (files.isEmpty()) {
            problems.add(new RouteProblem(dir.toString(), 0, "no " + FILE_PATTERN + " files"));
        }
        List<FileModel> models = new ArrayList<>();
        for (Path file : files) {
            FileModel model = load(file, readString(file));
            problems.addAll(model.problems());
            models.add(model);
        }
        problems.addAll(crossFileProblems(models));
        Set<String> routeIds = new LinkedHashSet<>();
        models.forEach(model -> model.routes().forEach(route -> routeIds.add(route.getRouteId())));
        return new Report(files.size(), routeIds, problems);
    }

    /**
     * One edited file, as the reload strategy sees it: the other files of its folder are read
     * from disk so that direct: endpoints and route configurations defined there still count.
     */
    public List<RouteProblem> validateEdit(Path file, String content) {
        List<FileModel> models = new ArrayList<>();
        FileModel edited = load(file, content);
        models.add(edited);
        Path dir = file.toAbsolutePath().getParent();
        for (Path other : routeFiles(dir)) {
            if (!other.toAbsolutePath().equals(file.toAbsolutePath())) {
                FileModel model = load(other, readString(other));
                if (model.problems().isEmpty()) {
                    models.add(model);
                }
            }
        }
        List<RouteProblem> problems = new ArrayList<>(edited.problems());
        crossFileProblems(models).stream().filter(p -> p.file().equals(file.toString())).forEach(problems::add);
        return problems;
    }

    public static List<Path> routeFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(f -> f.getFileName().toString().endsWith(".camel.yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FileModel load(Path file, String content) {
        String name = file.toString();
        List<RouteProblem> problems = new ArrayList<>();
        DefaultCamelContext context = new DefaultCamelContext();
        try {
            context.getPropertiesComponent().addPropertiesSource(new AnyPlaceholder());
            Resource resource = ResourceHelper.fromString("file:" + file.toAbsolutePath(), content);
            try {
                PluginHelper.getRoutesLoader(context).loadRoutes(resource);
            } catch (Exception e) {
                problems.add(loadProblem(name, e));
                return new FileModel(name, List.of(), List.of(), problems);
            }
            ModelCamelContext model = (ModelCamelContext) context;
            List<RouteDefinition> routes = new ArrayList<>(model.getRouteDefinitions());
            List<RouteConfigurationDefinition> configurations = new ArrayList<>(model.getRouteConfigurationDefinitions());
            for (RouteDefinition route : routes) {
                checkRoute(context, name, route, problems);
            }
            for (RouteConfigurationDefinition configuration : configurations) {
                for (OnExceptionDefinition onException : configuration.getOnExceptions()) {
                    checkSteps(context, name, null, onException.getOutputs(), problems);
                }
            }
            problems.addAll(beanProblems(name, content));
            return new FileModel(name, routes, configurations, problems);
        } finally {
            context.stop();
        }
    }

    private void checkRoute(CamelContext context, String file, RouteDefinition route, List<RouteProblem> problems) {
        int line = line(route);
        if (!route.hasCustomIdAssigned()) {
            problems.add(new RouteProblem(file, line, "route from " + route.getEndpointUrl() + " has no id"));
        }
        String description = resolved(route, route.getDescriptionText());
        if (description == null || description.isBlank()) {
            problems.add(new RouteProblem(file, line, "route " + route.getRouteId() + " has no description"));
        }
        checkEndpoint(context, file, line, resolved(route, route.getEndpointUrl()), problems);
        checkSteps(context, file, route, route.getOutputs(), problems);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private void checkSteps(CamelContext context, String file, RouteDefinition route, List<ProcessorDefinition<?>> steps,
                            List<RouteProblem> problems) {
        Collection<SendDefinition> sends = ProcessorDefinitionHelper.filterTypeInOutputs((List) steps, SendDefinition.class);
        for (SendDefinition send : sends) {
            checkEndpoint(context, file, line(send), resolved(route, send.getEndpointUri()), problems);
        }
    }

    /**
     * A route made from a template still reads {@code {{parameter}}} in the model (Camel fills
     * them in when it creates the route): fill them in from the templatedRoute's values here.
     */
    public static String resolved(RouteDefinition route, String text) {
        if (text == null || route == null || !text.contains("{{")) {
            return text;
        }
        Map<String, Object> values = new HashMap<>();
        if (route.getTemplateDefaultParameters() != null) {
            values.putAll(route.getTemplateDefaultParameters());
        }
        if (route.getTemplateParameters() != null) {
            values.putAll(route.getTemplateParameters());
        }
        String result = text;
        for (Map.Entry<String, Object> value : values.entrySet()) {
            result = result.replace("{{" + value.getKey() + "}}", String.valueOf(value.getValue()));
        }
        return result;
    }

    /** A misspelt bean or method would only fail when a message reaches that step: find it now. */
    private List<RouteProblem> beanProblems(String file, String content) {
        List<RouteProblem> problems = new ArrayList<>();
        for (BeanReferences.Reference reference : BeanReferences.in(content)) {
            Optional<Class<?>> type = beanTypes.apply(reference.bean());
            if (type.isEmpty()) {
                problems.add(new RouteProblem(file, reference.line(), "no bean named '" + reference.bean() + "'"));
            } else if (reference.method() != null && !hasMethod(type.get(), reference.method())) {
                problems.add(new RouteProblem(file, reference.line(), "bean '" + reference.bean() + "' ("
                        + type.get().getSimpleName() + ") has no method '" + reference.method() + "'"));
            }
        }
        return problems;
    }

    private static boolean hasMethod(Class<?> type, String method) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (Stream.of(c.getDeclaredMethods()).anyMatch(m -> m.getName().equals(method))) {
                return true;
            }
        }
        return Stream.of(type.getMethods()).anyMatch(m -> m.getName().equals(method));
    }

    private static void checkEndpoint(CamelContext context, String file, int line, String uri, List<RouteProblem> problems) {
        if (uri == null || !uri.contains(":") || uri.startsWith("{{")) {
            return;
        }
        String scheme = uri.substring(0, uri.indexOf(':'));
        boolean known;
        try {
            known = context.getComponent(scheme, true, false) != null;
        } catch (RuntimeException e) {
            known = false;
        }
        if (!known) {
            problems.add(new RouteProblem(file, line, "unknown component '" + scheme + "' in " + uri
                    + " (misspelled, or its camel-…-starter is missing from pom.xml)"));
        }
    }

    /** Route ids unique across files, every direct: endpoint consumed, every routeConfigurationId defined. */
    private static List<RouteProblem> crossFileProblems(List<FileModel> models) {
        List<RouteProblem> problems = new ArrayList<>();
        Map<String, String> routeIdFiles = new HashMap<>();
        Set<String> directConsumers = new LinkedHashSet<>();
        Set<String> definedConfigurations = new LinkedHashSet<>();
        for (FileModel model : models) {
            for (RouteDefinition route : model.routes()) {
                String previous = routeIdFiles.putIfAbsent(route.getRouteId(), model.file());
                if (previous != null && route.hasCustomIdAssigned()) {
                    problems.add(new RouteProblem(model.file(), line(route),
                            "route id '" + route.getRouteId() + "' is already used in " + previous));
                }
                directName(resolved(route, route.getEndpointUrl())).ifPresent(directConsumers::add);
            }
            model.configurations().forEach(c -> definedConfigurations.add(c.getId()));
        }
        for (FileModel model : models) {
            for (RouteDefinition route : model.routes()) {
                String configurationIds = route.getRouteConfigurationId();
                for (String configurationId : configurationIds == null ? new String[0] : configurationIds.split(",")) {
                    if (!configurationId.isBlank() && !definedConfigurations.contains(configurationId.trim())) {
                        problems.add(new RouteProblem(model.file(), line(route), "route " + route.getRouteId()
                                + " uses routeConfigurationId '" + configurationId.trim() + "' that no file defines"));
                    }
                }
                sendsIn(route.getOutputs()).forEach(send -> unconsumed(model, resolved(route, send.getEndpointUri()),
                        line(send), directConsumers, problems));
            }
            model.configurations().forEach(c -> sendsIn(new ArrayList<>(c.getOnExceptions())).forEach(send ->
                    unconsumed(model, send.getEndpointUri(), line(send), directConsumers, problems)));
        }
        return problems;
    }

    private static void unconsumed(FileModel model, String uri, int line, Set<String> directConsumers,
                                   List<RouteProblem> problems) {
        directName(uri).filter(name -> !directConsumers.contains(name))
                .ifPresent(name -> problems.add(new RouteProblem(model.file(), line, "no route consumes direct:" + name)));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Collection<SendDefinition> sendsIn(List<ProcessorDefinition<?>> steps) {
        return ProcessorDefinitionHelper.filterTypeInOutputs((List) steps, SendDefinition.class);
    }

    private static Optional<String> directName(String uri) {
        if (uri == null || !uri.startsWith("direct:")) {
            return Optional.empty();
        }
        String name = uri.substring("direct:".length());
        int query = name.indexOf('?');
        return Optional.of(query < 0 ? name : name.substring(0, query));
    }

    private static int line(LineNumberAware node) {
        return Math.max(node.getLineNumber(), 0);
    }

    /** YAML syntax errors say where the parser gave up; Camel's DSL errors say "line N" in their message. */
    private static RouteProblem loadProblem(String file, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYamlEngineException marked && marked.getProblemMark().isPresent()) {
                String context = marked.getContext() == null ? "" : marked.getContext() + ": ";
                return new RouteProblem(file, marked.getProblemMark().get().getLine() + 1, context + marked.getProblem());
            }
        }
        return new RouteProblem(file, lineOf(e).orElse(0), firstLine(rootMessage(e)));
    }

    private static Optional<Integer> lineOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher line = t.getMessage() == null ? null : LINE.matcher(t.getMessage());
            if (line != null && line.find()) {
                return Optional.of(Integer.parseInt(line.group(1)));
            }
        }
        return Optional.empty();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Placeholders resolve to "true" here: preconditions then hold, so every route gets checked. */
    private static final class AnyPlaceholder implements PropertiesSource {
        @Override
        public String getName() {
            return "route-validator";
        }

        @Override
        public String getProperty(String name) {
            return "true";
        }
    }

    /** The outcome for a folder: which routes it defines and what is wrong. */
    public record Report(int files, Set<String> routeIds, List<RouteProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private record FileModel(String file, List<RouteDefinition> routes,
                             List<RouteConfigurationDefinition> configurations, List<RouteProblem> problems) {
    }
}
