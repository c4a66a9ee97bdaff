package com.plumbline.intake.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.jms.JmsEndpoint;
import org.springframework.stereotype.Component;

/**
 * Work that waits and does not move. A watched queue (one of intake.ops.queues with a running
 * consumer route) is stalled when its oldest message has waited longer than
 * intake.ops.stall-max-age, or when its consumer route completed no exchange for
 * intake.ops.stall-no-progress while messages waited: consumers that hang while the webhooks keep
 * being answered. Health then says DEGRADED naming the queue, and {@link BusinessMetrics#QUEUE_STALLED}
 * is 1. Parking queues (no consumer route, such as intake.inbound.dead) are not watched.
 */
@Component
public class QueueStalls implements MeterBinder {

    /** Camel's route policy counter (camel.metrics.enable-route-policy): exchanges per routeId. */
    private static final String ROUTE_EXCHANGES = "camel.exchanges.total";

    public record Stall(String queue, String reason) {
    }

    private record Progress(double completed, Instant since) {
    }

    private final QueueDepthMetrics queues;
    private final CamelContext camel;
    private final OpsProperties properties;
    private final Clock clock;
    private final Map<String, Progress> progress = new ConcurrentHashMap<>();
    private MeterRegistry registry;

    public QueueStalls(QueueDepthMetrics queues, CamelContext camel, OpsProperties properties, Clock clock) {
        this.queues = queues;
        this.camel = camel;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        for (String queue : properties.queues()) {
            Gauge.builder(BusinessMetrics.QUEUE_STALLED, () -> stalled(queue) ? 1 : 0)
                    .tag(BusinessMetrics.QUEUE, queue)
                    .description("1 while work waits on the queue and does not move (intake.ops.stall-*)")
                    .register(registry);
        }
    }

    public List<Stall> stalls() {
        List<Stall> stalls = new ArrayList<>();
        for (String queue : properties.queues()) {
            check(queue).ifPresent(stalls::add);
        }
        return stalls;
    }

    private boolean stalled(String queue) {
        return check(queue).isPresent();
    }

    private Optional<Stall> check(String queue) {
        Route consumer = consumerOf(queue);
        if (consumer == null || camel.getRouteController().getRouteStatus(consumer.getRouteId()) != ServiceStatus.Started) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        double depth = queues.depth(queue);
        double completed = completed(consumer.getRouteId());
        Progress last = progress.compute(queue, (name, before) ->
                before == null || before.completed() != completed || !(depth > 0) ? new Progress(completed, now) : before);
        Duration oldest = queues.oldestAge(queue);
        if (oldest.compareTo(properties.stallMaxAge()) > 0) {
            return Optional.of(new Stall(queue, "oldest message has waited " + oldest.toSeconds() + " s"));
        }
        Duration idle = Duration.between(last.since(), now);
        if (depth > 0 && idle.compareTo(properties.stallNoProgress()) > 0) {
            return Optional.of(new Stall(queue, "route " + consumer.getRouteId() + " completed nothing for "
                    + idle.toSeconds() + " s while " + (long) depth + " messages wait"));
        }
        return Optional.empty();
    }

    private Route consumerOf(String queue) {
        for (Route route : camel.getRoutes()) {
            if (route.getEndpoint() instanceof JmsEndpoint jms && !jms.isPubSubDomain()
                    && queue.equals(jms.getDestinationName())) {
                return route;
            }
        }
        return null;
    }

    private double completed(String routeId) {
        return registry == null ? 0 : registry.find(ROUTE_EXCHANGES).tag("routeId", routeId).counters().stream()
                .mapToDouble(Counter::count).sum();
    }
}
