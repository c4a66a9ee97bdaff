package com.plumbline.intake.ops;

import java.nio.file.Path;

import org.apache.camel.CamelContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Refuses to start without routes: with {@code intake.routes.dir} pointing at the wrong folder (or started from
 * another working directory) Camel loads nothing and says nothing, and the service would answer every webhook
 * 404 while its health said UP. Checked once the application has started (Camel has started and loaded the
 * routes by then); an exception here ends the start.
 */
@Component
public class RoutesRequired {

    private final CamelContext camel;
    private final String routesDir;

    public RoutesRequired(CamelContext camel, @Value("${intake.routes.dir}") String routesDir) {
        this.camel = camel;
        this.routesDir = routesDir;
    }

    @EventListener(ApplicationStartedEvent.class)
    public void check() {
        // started: camel-spring-boot starts it with the context (tests of camel-test-spring-junit5 start it later)
        if (camel.getStatus().isStarted() && camel.getRoutes().isEmpty()) {
            throw new IllegalStateException("No route loaded from " + Path.of(routesDir).toAbsolutePath()
                    + "/*.camel.yaml: start the service in the folder that holds routes/ and config/, or set INTAKE_ROUTES_DIR");
        }
    }
}
