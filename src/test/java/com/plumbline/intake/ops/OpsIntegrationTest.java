package com.plumbline.intake.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.plumbline.intake.support.IntakeIntegrationTest;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service as operators run it: JMX on (Camel MBeans for Hawtio and Jolokia), and live
 * route reloading from a copy of routes/ that tests may edit. Every ops test shares this one context.
 */
@DisableJmx(false)
// Spring Boot tests switch metrics export off unless asked: the Prometheus scrape is under test here
@AutoConfigureObservability(tracing = false)
public abstract class OpsIntegrationTest extends IntakeIntegrationTest {

    protected static final Path ROUTES_DIR = copyOfRoutes();

    @DynamicPropertySource
    static void liveRoutes(DynamicPropertyRegistry registry) {
        registry.add("intake.routes.dir", ROUTES_DIR::toString);
        registry.add("intake.routes.reload", () -> "true");
        // count the queue on every scrape, so a test sees a message it just sent
        registry.add("intake.ops.queue-depth-max-age", () -> "0s");
    }

    static Path copyOfRoutes() {
        try {
            Path dir = Files.createTempDirectory("intake-routes-");
            for (Path file : RouteValidator.routeFiles(Path.of("routes"))) {
                Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
