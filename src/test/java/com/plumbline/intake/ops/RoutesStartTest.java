package com.plumbline.intake.ops;

import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Every route in routes/ validates and runs in the service, so a broken edit fails the build. */
class RoutesStartTest extends OpsIntegrationTest {

    /**
     * The routes that are not running here, each with its reason; every other route of routes/
     * must be Started, whatever its own autoStartup setting says.
     */
    private static final Map<String, String> NOT_STARTED = Map.of(
            "ingress-google-pubsub-pull", "off unless PUBSUB_PULL_ENABLED=true (its precondition): needs Google credentials",
            "classify", "the test base keeps the intake.inbound consumer off (intake.processing.auto-startup=false)",
            "classify-emergencies", "the same switch keeps the emergency consumer of intake.inbound off");

    @Autowired
    private CamelContext camel;

    @Test
    void everyRouteOfTheRouteFilesIsStarted() {
        RouteValidator.Report report = new RouteValidator().validateDirectory(Path.of("routes"));
        assertThat(report.problems()).isEmpty();

        for (String routeId : report.routeIds()) {
            ServiceStatus status = camel.getRouteController().getRouteStatus(routeId);
            if (NOT_STARTED.containsKey(routeId)) {
                assertThat(status).as(routeId + ": " + NOT_STARTED.get(routeId)).isNotEqualTo(ServiceStatus.Started);
            } else {
                assertThat(status).as(routeId).isEqualTo(ServiceStatus.Started);
            }
        }
    }

    @Test
    void everyRouteHasADescription() {
        // a templated route's description is its template's parameter, filled in
        camel.getRoutes().forEach(route -> assertThat(route.getDescription()).as(route.getRouteId()).isNotBlank()
                .doesNotContain("{{"));
    }
}
