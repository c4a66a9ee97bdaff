package com.plumbline.intake.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/integrators.md names everything an integrator meets in routes/: each route file and route
 * id, each bean a route calls, and each routing header. Read from the route files themselves (YAML
 * parser, the validator's reading), so a new file, route, bean or header fails the build until the
 * guide mentions it.
 */
class IntegratorGuideTest {

    private static final Path ROUTES = Path.of("routes");

    /** The stage that sets the routing headers (README: "the headers set for routing"). */
    private static final String CLASSIFY_ROUTE = "process-message";

    @Test
    void namesEveryRouteFileAndRoute() throws IOException {
        String guide = guide();
        for (Path file : RouteValidator.routeFiles(ROUTES)) {
            assertThat(guide).as("docs/integrators.md names " + file).contains("`" + file.getFileName() + "`");
        }
        for (String routeId : new RouteValidator().validateDirectory(ROUTES).routeIds()) {
            assertThat(guide).as("docs/integrators.md names route " + routeId).contains("`" + routeId + "`");
        }
    }

    @Test
    void namesEveryBeanTheRoutesCall() throws IOException {
        Set<String> beans = new TreeSet<>();
        for (Path file : RouteValidator.routeFiles(ROUTES)) {
            BeanReferences.in(Files.readString(file)).forEach(reference -> beans.add(reference.bean()));
        }
        assertThat(beans).as("beans read from routes/").contains("twilioWebhook", "outboxRelay",
                "jobRetries", "escalationDueParameters", "emailNotifications");

        String guide = guide();
        assertThat(beans).allSatisfy(bean ->
                assertThat(guide).as("docs/integrators.md names bean " + bean).contains("`" + bean + "`"));
    }

    @Test
    void documentsEveryRoutingHeaderInItsHeaderTable() throws IOException {
        List<String> headers = headersSetBy(CLASSIFY_ROUTE);
        assertThat(headers).containsExactlyInAnyOrder("priority", "serviceType", "channel");

        String guide = guide();
        assertThat(headers).allSatisfy(header ->
                assertThat(guide).as("docs/integrators.md documents header " + header).contains("| `" + header + "` |"));
    }

    /** The names of the setHeader steps of a route, wherever it is defined in routes/. */
    private static List<String> headersSetBy(String routeId) {
        List<String> headers = new ArrayList<>();
        for (Path file : RouteValidator.routeFiles(ROUTES)) {
            for (Object entry : ExampleWorkspace.list(ExampleWorkspace.read(file))) {
                if (entry instanceof Map<?, ?> map && map.get("route") instanceof Map<?, ?> route
                        && routeId.equals(route.get("id")) && route.get("from") instanceof Map<?, ?> from) {
                    for (Object step : ExampleWorkspace.list(from.get("steps"))) {
                        if (step instanceof Map<?, ?> s && s.get("setHeader") instanceof Map<?, ?> setHeader) {
                            headers.add((String) setHeader.get("name"));
                        }
                    }
                }
            }
        }
        return headers;
    }

    private static String guide() throws IOException {
        return Files.readString(GuideExample.GUIDE);
    }
}
