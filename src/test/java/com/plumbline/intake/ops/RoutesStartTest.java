package com.plumbline.intake.ops;

import java.nio.file.Path;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Every route in routes/ validates and runs in the service, so a broken edit fails the build. */
class RoutesStartTest extends OpsIntegrationTest {

    /** Off unless PUBSUB_PULL_ENABLED=true (its precondition): needs Google credentials. */
    private static final String OPTIONAL_PULL_ROUTE = "ingress-google-pubsub-pull";

    @Autowired
    private CamelContext camel;

    @Test
    void everyRouteOfTheRouteFilesIsStarted() {
        RouteValidator.Report report = new RouteValidator().validateDirectory(Path.of("routes"));
        assertThat(report.problems()).isEmpty();

        for (String routeId : report.routeIds()) {
            if (routeId.equals(OPTIONAL_PULL_ROUTE)) {
                continue;
            }
            // the test base keeps the intake.inbound consumer off on purpose (autoStartup=false): it is loaded, not started
            ServiceStatus expected = Boolean.FALSE.equals(camel.getRoute(routeId).isAutoStartup())
                    ? ServiceStatus.Stopped : ServiceStatus.Started;
            assertThat(camel.getRouteController().getRouteStatus(routeId)).as(routeId).isEqualTo(expected);
        }
    }

    @Test
    void everyRouteHasADescription() {
        camel.getRoutes().forEach(route -> assertThat(route.getDescription()).as(route.getRouteId()).isNotBlank());
    }
}
