package com.plumbline.intake.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * UP when every part the webhooks need answers: the database (webhook_event), the Camel context with
 * its health checks, and every route started. The answer names the parts that are down, and the
 * routes that are not running, so an operator knows where to look. Actuator's /actuator/health has the
 * same parts (db, jms, camelHealth) in full. DEGRADED (still 200: webhooks are taken) when the broker is
 * away (webhooks wait in webhook_event, the outbox, until it is back) or when work waits on a queue and
 * does not move ({@link QueueStalls}); {@code stalled} names each queue and why.
 */
@Component("intakeHealth")
public class IntakeHealth {

    static final String DEGRADED = "DEGRADED";

    private final HealthEndpoint health;
    private final CamelContext camel;
    private final RouteReloadStatus reloads;
    private final QueueStalls queueStalls;

    public IntakeHealth(HealthEndpoint health, CamelContext camel, RouteReloadStatus reloads, QueueStalls queueStalls) {
        this.health = health;
        this.camel = camel;
        this.reloads = reloads;
        this.queueStalls = queueStalls;
    }

    public Map<String, Object> check(Exchange exchange) {
        List<String> routesDown = routesNotStarted();
        // without one of these the webhooks are refused: DOWN, 503
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("database", statusOf("db"));
        parts.put("camel", camel.getStatus().isStarted() ? statusOf("camelHealth") : Status.DOWN.getCode());
        parts.put("routes", routesDown.isEmpty() ? Status.UP.getCode() : Status.DOWN.getCode());
        List<String> down = parts.entrySet().stream()
                .filter(part -> !Status.UP.getCode().equals(part.getValue()))
                .map(Map.Entry::getKey)
                .toList();
        // without these the webhooks are still taken: DEGRADED, 200
        String broker = statusOf("jms");
        List<QueueStalls.Stall> stalls = queueStalls.stalls();
        parts.put("broker", broker);
        parts.put("queues", stalls.isEmpty() ? Status.UP.getCode() : DEGRADED);
        boolean degraded = !stalls.isEmpty() || !Status.UP.getCode().equals(broker);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, down.isEmpty() ? 200 : 503);

        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", !down.isEmpty() ? "DOWN" : degraded ? DEGRADED : "UP");
        answer.put("components", parts);
        if (!down.isEmpty()) {
            answer.put("down", down);
        }
        if (!stalls.isEmpty()) {
            answer.put("stalled", stalls);
        }
        if (!routesDown.isEmpty()) {
            answer.put("routesNotStarted", routesDown);
        }
        reloads.lastFailure().ifPresent(failure -> answer.put("lastRouteReloadError", failure.toString()));
        return answer;
    }

    private List<String> routesNotStarted() {
        List<String> notStarted = new ArrayList<>();
        for (Route route : camel.getRoutes()) {
            ServiceStatus status = camel.getRouteController().getRouteStatus(route.getRouteId());
            // a route configured not to start (e.g. intake.processing.auto-startup=false) is not down
            boolean meantToRun = !Boolean.FALSE.equals(route.isAutoStartup());
            if (meantToRun && status != ServiceStatus.Started) {
                notStarted.add(route.getRouteId());
            }
        }
        return notStarted;
    }

    private String statusOf(String component) {
        HealthComponent part = health.healthForPath(component);
        return part == null ? "UNKNOWN" : part.getStatus().getCode();
    }
}
