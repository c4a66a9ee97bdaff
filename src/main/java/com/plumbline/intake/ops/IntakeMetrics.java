package com.plumbline.intake.ops;

import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * Webhook counters per provider and outcome, kept in Micrometer's registry: the JSON summary
 * at /api/webhooks/metrics and any Prometheus scrape read the same numbers.
 */
@Component("intakeMetrics")
public class IntakeMetrics {

    static final String WEBHOOKS = "intake.webhooks";
    private static final String[] OUTCOMES = {"received", "duplicate", "rejected"};

    private final MeterRegistry registry;

    public IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
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

    /** {@code {provider: {received, duplicate, rejected}}} for every provider seen so far. */
    public Map<String, Map<String, Long>> summary() {
        Map<String, Map<String, Long>> summary = new TreeMap<>();
        for (Counter counter : registry.find(WEBHOOKS).counters()) {
            Map<String, Long> outcomes = summary.computeIfAbsent(counter.getId().getTag("provider"), p -> {
                Map<String, Long> zeros = new TreeMap<>();
                for (String outcome : OUTCOMES) {
                    zeros.put(outcome, 0L);
                }
                return zeros;
            });
            outcomes.put(counter.getId().getTag("outcome"), (long) counter.count());
        }
        return summary;
    }

    private void count(String provider, String outcome) {
        registry.counter(WEBHOOKS, "provider", provider == null ? "UNKNOWN" : provider, "outcome", outcome).increment();
    }
}
