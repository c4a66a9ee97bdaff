package com.plumbline.intake.ops;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Meters registered once per name and tag values, then reused. {@code registry.counter(name, tags)}
 * on every event builds an id, runs every meter filter and searches the registry each time: a
 * visible share of a drain's profile (issue 15), for a handful of distinct meters.
 */
public final class MeterCache {

    private final MeterRegistry registry;
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();
    private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();

    public MeterCache(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The counter {@code name} with these tags (key, value, key, value ...). */
    public Counter counter(String name, String... tags) {
        return counters.computeIfAbsent(key(name, tags), k -> registry.counter(name, tags));
    }

    /** The timer {@code name} with these tags (key, value, key, value ...). */
    public Timer timer(String name, String... tags) {
        return timers.computeIfAbsent(key(name, tags), k -> Timer.builder(name).tags(tags).register(registry));
    }

    private static List<String> key(String name, String[] tags) {
        String[] key = Arrays.copyOf(tags, tags.length + 1);
        key[tags.length] = name;
        return Arrays.asList(key);
    }
}
