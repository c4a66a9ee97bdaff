package com.plumbline.intake.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

import static com.plumbline.intake.ops.BusinessMetrics.CHANNEL_TAG;
import static com.plumbline.intake.ops.BusinessMetrics.CLASSIFIED;
import static com.plumbline.intake.ops.BusinessMetrics.DEAD_LETTERS;
import static com.plumbline.intake.ops.BusinessMetrics.FIRST_NOTIFICATION;
import static com.plumbline.intake.ops.BusinessMetrics.NOTIFICATIONS;
import static com.plumbline.intake.ops.BusinessMetrics.OUTCOME;
import static com.plumbline.intake.ops.BusinessMetrics.PRIORITY;
import static com.plumbline.intake.ops.BusinessMetrics.PROVIDER;
import static com.plumbline.intake.ops.BusinessMetrics.QUEUE;
import static com.plumbline.intake.ops.BusinessMetrics.QUEUE_DEPTH;
import static com.plumbline.intake.ops.BusinessMetrics.SERVICE_TYPE;
import static com.plumbline.intake.ops.BusinessMetrics.STAGE;
import static com.plumbline.intake.ops.BusinessMetrics.WEBHOOKS;

/**
 * Webhook counters per provider and outcome, and the JSON summary of every business meter, all
 * kept in Micrometer's registry: /api/webhooks/metrics and a Prometheus scrape read the same
 * numbers. Meters of stages that do not exist yet are simply absent from the summary.
 */
@Component("intakeMetrics")
public class IntakeMetrics {

    static final String[] OUTCOMES = {"received", "duplicate", "rejected"};

    private final MeterRegistry registry;
    private final MeterCache meters;

    public IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.meters = new MeterCache(registry);
    }

    public void received(@ExchangeProperty("provider") String provider) {
        count(provider, "received");
    }

    public void duplicate(@ExchangeProperty("provider") String provider) {
        count(provider, "duplicate");
    }

    public void rejected(@ExchangeProperty("provider") String provider) {
        count(provider, "rejected");
    }

    /**
     * Providers at the top level, as before ({@code {"TWILIO": {received, duplicate, rejected}}}),
     * then one lower-case section per other business meter that has been recorded.
     */
    public Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>(webhooks());
        putIfAny(summary, "classified", countersByTwoTags(CLASSIFIED, PRIORITY, SERVICE_TYPE));
        putIfAny(summary, "queues", queueDepths());
        putIfAny(summary, "deadLetters", countersByTag(DEAD_LETTERS, STAGE));
        putIfAny(summary, "notifications", countersByTwoTags(NOTIFICATIONS, CHANNEL_TAG, OUTCOME));
        putIfAny(summary, "firstNotification", firstNotification());
        return summary;
    }

    private Map<String, Map<String, Long>> webhooks() {
        Map<String, Map<String, Long>> providers = new TreeMap<>();
        for (Counter counter : registry.find(WEBHOOKS).counters()) {
            Map<String, Long> outcomes = providers.computeIfAbsent(counter.getId().getTag(PROVIDER), p -> {
                Map<String, Long> zeros = new TreeMap<>();
                for (String outcome : OUTCOMES) {
                    zeros.put(outcome, 0L);
                }
                return zeros;
            });
            outcomes.put(counter.getId().getTag(OUTCOME), (long) counter.count());
        }
        return providers;
    }

    private Map<String, Long> countersByTag(String name, String tag) {
        Map<String, Long> counts = new TreeMap<>();
        for (Counter counter : registry.find(name).counters()) {
            counts.merge(String.valueOf(counter.getId().getTag(tag)), (long) counter.count(), Long::sum);
        }
        return counts;
    }

    private Map<String, Map<String, Long>> countersByTwoTags(String name, String outer, String inner) {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        for (Counter counter : registry.find(name).counters()) {
            counts.computeIfAbsent(String.valueOf(counter.getId().getTag(outer)), k -> new TreeMap<>())
                    .merge(String.valueOf(counter.getId().getTag(inner)), (long) counter.count(), Long::sum);
        }
        return counts;
    }

    private Map<String, Long> queueDepths() {
        Map<String, Long> depths = new TreeMap<>();
        for (Gauge gauge : registry.find(QUEUE_DEPTH).gauges()) {
            double value = gauge.value();
            // NaN: the queue does not exist (yet) or the broker did not answer
            if (!Double.isNaN(value)) {
                depths.put(gauge.getId().getTag(QUEUE), (long) value);
            }
        }
        return depths;
    }

    private Map<String, Map<String, Object>> firstNotification() {
        Map<String, Map<String, Object>> byPriority = new TreeMap<>();
        for (Timer timer : registry.find(FIRST_NOTIFICATION).timers()) {
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("count", timer.count());
            stats.put("meanSeconds", timer.mean(TimeUnit.SECONDS));
            stats.put("maxSeconds", timer.max(TimeUnit.SECONDS));
            byPriority.put(String.valueOf(timer.getId().getTag(PRIORITY)), stats);
        }
        return byPriority;
    }

    private static void putIfAny(Map<String, Object> summary, String section, Map<String, ?> values) {
        if (!values.isEmpty()) {
            summary.put(section, values);
        }
    }

    private void count(String provider, String outcome) {
        meters.counter(WEBHOOKS, PROVIDER, provider == null ? "UNKNOWN" : provider, OUTCOME, outcome).increment();
    }
}
