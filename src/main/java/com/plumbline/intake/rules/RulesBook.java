package com.plumbline.intake.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Holds the classification rules in force, loaded from config/rules.yaml ({@code intake.rules.file}).
 * The file is checked every {@code intake.rules.reload-interval}; a changed file is compiled and
 * swapped in atomically, an invalid one is rejected with a log line naming the key and the problem,
 * and the previous rules stay in force. An invalid file at start-up stops the application.
 */
@Component("rulesBook")
public class RulesBook implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RulesBook.class);

    /** The rules in force, the other features' sections, and the version of the file they came from. */
    private record Loaded(CompiledRules rules, Map<String, Object> sections, FileVersion version) {
    }

    /** Modification time and size: either changing means the file was edited. */
    private record FileVersion(FileTime modified, long size) {
    }

    private final Path file;
    private final Duration reloadInterval;
    private final AtomicReference<Loaded> current = new AtomicReference<>();
    private final Map<String, RulesSection<?>> sections = new ConcurrentHashMap<>();
    private volatile FileVersion lastSeen;
    private ScheduledExecutorService scheduler;

    @Autowired
    public RulesBook(RulesProperties properties) {
        this(properties.file(), properties.reloadInterval());
    }

    /** Loads the rules now; reloads happen only through {@link #reloadIfChanged()}. */
    public RulesBook(Path file) {
        this(file, Duration.ZERO);
    }

    private RulesBook(Path file, Duration reloadInterval) {
        this.file = Objects.requireNonNull(file, "intake.rules.file");
        this.reloadInterval = reloadInterval == null ? Duration.ZERO : reloadInterval;
        FileVersion version = versionOrNull();
        CompiledRules rules = RulesFileReader.read(file);
        current.set(new Loaded(rules, Map.of(), version));
        lastSeen = version;
        LOG.info("Classification rules loaded from {}", file.toAbsolutePath());
    }

    public Path file() {
        return file;
    }

    /** Re-reads the file if its modification time or size changed since it was last read. */
    public synchronized ReloadResult reloadIfChanged() {
        FileVersion version = versionOrNull();
        if (version == null) {
            if (lastSeen == null) {
                return ReloadResult.unchanged();
            }
            lastSeen = null;
            String message = "Rules file " + file + " is missing or unreadable; the previous rules stay in force";
            LOG.warn(message);
            return ReloadResult.rejected(message);
        }
        if (version.equals(lastSeen)) {
            return ReloadResult.unchanged();
        }
        lastSeen = version;
        try {
            CompiledRules rules = RulesFileReader.read(file);
            current.set(new Loaded(rules, readSections(sections.values()), version));
            String message = "Rules reloaded from " + file;
            LOG.info(message);
            return ReloadResult.reloaded(message);
        } catch (InvalidRulesException e) {
            String message = "Rules file rejected, the previous rules stay in force. " + e.getMessage();
            LOG.warn(message);
            return ReloadResult.rejected(message);
        }
    }

    /**
     * Adds a feature's section to what is read and checked on every reload, and reads it now.
     *
     * @return the section in force (null when the file has none), always the latest valid version
     * @throws InvalidRulesException when the section in the current file is invalid
     */
    public synchronized <T> Supplier<T> register(RulesSection<T> section) {
        Object value = RulesFileReader.readSection(file, section);
        sections.put(section.name(), section);
        Loaded loaded = current.get();
        Map<String, Object> values = new HashMap<>(loaded.sections());
        values.put(section.name(), value);
        current.set(new Loaded(loaded.rules(), values, loaded.version()));
        return () -> section.type().cast(current.get().sections().get(section.name()));
    }

    private Map<String, Object> readSections(Iterable<RulesSection<?>> registered) {
        Map<String, Object> values = new HashMap<>();
        for (RulesSection<?> section : registered) {
            values.put(section.name(), RulesFileReader.readSection(file, section));
        }
        return values;
    }

    /** The business calendar in force (time zone, opening hours, holidays). */
    public BusinessCalendar calendar() {
        return current().calendar();
    }

    /** The rules in force; callers keep the reference for one classification only. */
    CompiledRules current() {
        return current.get().rules();
    }

    @PostConstruct
    void startWatching() {
        if (reloadInterval.isZero() || reloadInterval.isNegative()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rules-reload");
            thread.setDaemon(true);
            return thread;
        });
        long millis = reloadInterval.toMillis();
        scheduler.scheduleWithFixedDelay(this::reloadQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private void reloadQuietly() {
        try {
            reloadIfChanged();
        } catch (RuntimeException e) {
            // keep the schedule alive whatever happens; the next check tries again
            LOG.warn("Rules reload check failed", e);
        }
    }

    private FileVersion versionOrNull() {
        try {
            return new FileVersion(Files.getLastModifiedTime(file), Files.size(file));
        } catch (IOException e) {
            return null;
        }
    }
}
