package com.plumbline.intake.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.RouteWatcherReloadStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel's live route reloading, made safe for a running service. Camel itself keeps the old
 * routes when an edited file does not parse, but a file that parses and then fails to start (an
 * unknown component, a missing bean) has already had its routes removed: the webhooks would go
 * down until someone fixed the file. So an edit is first checked with {@link RouteValidator}
 * against the live registry and refused if anything is wrong; and if it still fails while its
 * routes are replaced, the last version that ran is put back. Either way the problem is logged
 * with file and line, kept in {@link RouteReloadStatus}, and the other files' routes are untouched
 * (only the routes of the edited file are replaced).
 */
public class SafeRouteReloadStrategy extends RouteWatcherReloadStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(SafeRouteReloadStrategy.class);
    /** How long a swap waits for the webhooks already inside to be answered. */
    private static final Duration DRAIN = Duration.ofSeconds(10);

    private final RouteValidator validator;
    private final RouteReloadStatus status;
    /** Absolute path of each route file → the content its running routes came from. */
    private final Map<Path, String> running = new ConcurrentHashMap<>();

    public SafeRouteReloadStrategy(String directory, RouteValidator validator, RouteReloadStatus status) {
        super(directory, false);
        this.validator = validator;
        this.status = status;
        setPattern(RouteValidator.FILE_PATTERN);
        setRemoveAllRoutes(false);
    }

    @Override
    protected void doStart() throws Exception {
        for (Path file : RouteValidator.routeFiles(Path.of(getFolder()))) {
            running.put(file.toAbsolutePath(), Files.readString(file));
        }
        super.doStart();
    }

    @Override
    protected void onRouteReload(Collection<Resource> resources, boolean removeEverything) {
        if (resources == null || resources.size() != 1) {
            super.onRouteReload(resources, removeEverything);
            return;
        }
        Path file = Paths.get(resources.iterator().next().getURI()).toAbsolutePath();
        if (!Files.exists(file)) {
            // without remove-all-routes Camel leaves a deleted file's routes running; say so
            LOG.warn("Route file {} was deleted: its routes keep running until the next restart", file);
            return;
        }
        String content = read(file);
        if (content.isBlank()) {
            // a save truncates the file before writing it: wait for the event of the written file
            LOG.debug("Route file {} is empty, probably being saved; waiting for its content", file);
            return;
        }
        List<RouteProblem> problems = validator.validateEdit(file, content);
        if (!problems.isEmpty()) {
            problems.forEach(problem -> LOG.warn("Route edit refused, the running routes are unchanged: {}", problem));
            status.rejected(problems.get(0));
            return;
        }
        status.swapStarted(DRAIN);
        try {
            // the content validated above, not the file read again: a save still being written could
            // otherwise pass validation half-written and reach Camel whole and broken, or the reverse
            super.onRouteReload(Set.of(ResourceHelper.fromString("file:" + file, content)), removeEverything);
            running.put(file, content);
            status.applied(file.toString());
        } catch (RuntimeException e) {
            RouteProblem problem = startProblem(file, content, e);
            LOG.warn("Route edit failed to start, putting back the previous version: {}", problem);
            LOG.debug("Route edit failure", e);
            restore(file);
            status.rolledBack(problem);
        } finally {
            status.swapEnded();
        }
    }

    private void restore(Path file) {
        String previous = running.get(file);
        if (previous == null) {
            return;
        }
        try {
            PluginHelper.getRoutesLoader(getCamelContext())
                    .updateRoutes(Set.of(ResourceHelper.fromString("file:" + file, previous)));
        } catch (Exception e) {
            LOG.error("Could not put back the previous routes of {}: its routes are down until the file is fixed", file, e);
        }
    }

    private static RouteProblem startProblem(Path file, String content, Throwable e) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof FailedToCreateRouteException)) {
            cause = cause.getCause();
        }
        if (cause instanceof FailedToCreateRouteException failed) {
            Throwable root = failed.getCause() == null ? failed : failed.getCause();
            return new RouteProblem(file.toString(), lineOfRouteId(content, failed.getRouteId()),
                    "route " + failed.getRouteId() + ": " + root.getMessage());
        }
        return new RouteProblem(file.toString(), 0, String.valueOf(e.getMessage()));
    }

    private static int lineOfRouteId(String content, String routeId) {
        Pattern id = Pattern.compile("^\\s*id:\\s*[\"']?" + Pattern.quote(String.valueOf(routeId)) + "[\"']?\\s*$");
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (id.matcher(lines[i]).matches()) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
