package com.plumbline.intake.security;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.plumbline.intake.notify.NotifyIntegrationTest;
import com.plumbline.intake.ops.ManagementServer;
import com.plumbline.intake.support.WebhookClient;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.web.ExposableServletEndpoint;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every endpoint Spring and Camel expose, on the service port and on the management port, has a
 * rule here. A new endpoint without one fails the first test; each rule is checked against the
 * running service without a token; the actuator is on the management port only, on loopback.
 */
@SuppressWarnings("removal") // ExposableServletEndpoint: Jolokia is still a servlet endpoint
class EndpointInventoryTest extends NotifyIntegrationTest {

    /** "METHOD path" (Spring's pattern) to who may call it: PUBLIC or the lowest role. */
    private static final Map<String, String> RULES = new TreeMap<>(Map.ofEntries(
            Map.entry("POST /api/auth/login", "PUBLIC"),
            Map.entry("POST /api/auth/refresh", "PUBLIC"),
            Map.entry("POST /api/auth/logout", "PUBLIC"),
            Map.entry("GET /api/auth/me", "TECHNICIAN"),
            Map.entry("GET /api/staff", "DISPATCHER"),
            Map.entry("GET /api/staff/{id}", "DISPATCHER"),
            Map.entry("POST /api/staff", "MANAGER"),
            Map.entry("PUT /api/staff/{id}", "MANAGER"),
            Map.entry("DELETE /api/staff/{id}", "MANAGER"),
            Map.entry("PUT /api/staff/{id}/login", "OWNER"),
            Map.entry("GET /api/notifications", "TECHNICIAN"),
            Map.entry("GET /api/notifications/{id}", "TECHNICIAN"),
            Map.entry("POST /api/notifications/{id}/ack", "TECHNICIAN"),
            Map.entry("POST /api/notifications/{id}/read", "TECHNICIAN"),
            Map.entry("GET /api/jobs", "DISPATCHER"),
            Map.entry("POST /api/jobs/{id}/approve", "DISPATCHER"),
            Map.entry("GET /api/dead-letters", "MANAGER"),
            Map.entry("GET /api/dead-letters/{id}", "MANAGER"),
            Map.entry("POST /api/dead-letters/{id}/replay", "MANAGER"),
            Map.entry("DELETE /api/dead-letters/{id}", "MANAGER"),
            Map.entry("GET /api/review", "DISPATCHER"),
            Map.entry("GET /api/review/corrections.csv", "MANAGER"),
            Map.entry("POST /api/review/{messageId}", "DISPATCHER"),
            Map.entry("POST /api/webhooks/twilio", "PUBLIC"),
            Map.entry("POST /api/webhooks/twilio/sms", "PUBLIC"),
            Map.entry("POST /api/webhooks/twilio/voice", "PUBLIC"),
            Map.entry("POST /api/webhooks/google-voice", "PUBLIC"),
            Map.entry("POST /api/webhooks/google-pubsub", "PUBLIC"),
            Map.entry("POST /api/webhooks/test", "PUBLIC"),
            Map.entry("GET /api/dashboard/me", "TECHNICIAN"),
            Map.entry("GET /api/dashboard/feed", "TECHNICIAN"),
            Map.entry("GET /api/dashboard/events", "TECHNICIAN"),
            Map.entry("GET /api/dashboard/stats", "TECHNICIAN"),
            Map.entry("GET /api/dashboard/customers/{id}", "TECHNICIAN"),
            Map.entry("POST /api/dashboard/messages/{id}/ack", "TECHNICIAN"),
            Map.entry("GET /dashboard/customers/{id}", "PUBLIC"),
            Map.entry("GET /api/webhooks/health", "ADMIN"),
            Map.entry("GET /api/webhooks/metrics", "ADMIN"),
            Map.entry("* /error", "PUBLIC"),
            // Spring's DispatcherServlet: GET / is the board's page (static, the data behind it needs
            // a login); any other path without a rule of its own is closed
            Map.entry("* /", "PUBLIC"),
            // the public UP/DOWN for load balancers (health group "public", on the service port)
            Map.entry("GET /health", "PUBLIC")));

    /** The same, for the management port (management.server.port): the actuator, Hawtio and Jolokia. */
    private static final Map<String, String> MANAGEMENT_RULES = new TreeMap<>(Map.ofEntries(
            Map.entry("GET /actuator", "ADMIN"),
            Map.entry("GET /actuator/health", "PUBLIC"),
            Map.entry("GET /actuator/health/**", "ADMIN"),
            Map.entry("GET /actuator/info", "ADMIN"),
            Map.entry("GET /actuator/metrics", "ADMIN"),
            Map.entry("GET /actuator/metrics/{requiredMetricName}", "ADMIN"),
            Map.entry("GET /actuator/prometheus", "METRICS"),
            Map.entry("* /actuator/hawtio/**", "ADMIN"),
            Map.entry("* /actuator/jolokia/*", "ADMIN"),
            // the management server's DispatcherServlet and error page: anything else there needs ADMIN
            Map.entry("* /", "ADMIN"),
            Map.entry("* /error", "ADMIN")));

    private static final String LOGIN_REQUIRED = "a valid login is required";

    @Autowired
    private ApplicationContext spring;

    @Autowired
    private ManagementServer managementServer;

    @Autowired
    private CamelContext camel;

    @Test
    void everyExposedEndpointHasARule() {
        Set<String> exposed = exposed(spring);
        for (Endpoint endpoint : camel.getEndpoints()) {
            if (endpoint.getEndpointUri().startsWith("platform-http:")) {
                String path = endpoint.getEndpointUri().substring("platform-http:".length()).replaceFirst("^/+", "/")
                        .replaceFirst("\\?.*", "");
                exposed.add(RULES.keySet().stream().filter(k -> k.endsWith(" " + path)).findFirst()
                        .orElse("? " + path));
            }
        }
        assertThat(exposed.stream().filter(e -> !covered(RULES, e)).toList())
                .as("endpoints without a rule in EndpointInventoryTest.RULES (and SecurityConfiguration)").isEmpty();

        ApplicationContext management = managementServer.context().orElseThrow();
        Set<String> operations = exposed(management);
        // servlet endpoints (Jolokia) are registered by a ServletContextInitializer, not a ServletRegistrationBean
        PathMappedEndpoints paths = management.getBean(PathMappedEndpoints.class);
        paths.stream().filter(endpoint -> endpoint instanceof ExposableServletEndpoint)
                .forEach(endpoint -> operations.add("* " + paths.getBasePath() + "/" + endpoint.getRootPath() + "/*"));
        assertThat(operations).as("the management server serves the actuator")
                .contains("GET /actuator/prometheus", "* /actuator/jolokia/*");
        assertThat(operations.stream().filter(e -> !covered(MANAGEMENT_RULES, e)).toList())
                .as("management endpoints without a rule in EndpointInventoryTest.MANAGEMENT_RULES").isEmpty();
    }

    @Test
    void everyRuleHoldsForACallerWithoutAToken() {
        RULES.forEach((endpoint, role) -> holds(client(), endpoint, role));
        MANAGEMENT_RULES.forEach((endpoint, role) -> holds(management(), endpoint, role));
    }

    @Test
    void theActuatorIsOnlyOnTheManagementPortWhichListensOnLoopback() throws Exception {
        assertThat(exposed(spring)).as("nothing of the actuator on the service port")
                .noneMatch(endpoint -> endpoint.contains("/actuator"));
        WebhookClient admin = asAdmin();
        for (String path : List.of("/actuator", "/actuator/health", "/actuator/prometheus", "/actuator/jolokia/version",
                "/actuator/hawtio/index.html")) {
            assertThat(admin.get(path).statusCode()).as(path).isIn(403, 404);
            assertThat(managementAsAdmin().get(path).statusCode()).as(path).isEqualTo(200);
        }

        assertThat(spring.getEnvironment().getProperty("management.server.address")).isEqualTo("127.0.0.1");
        assertThat(answers(InetAddress.getLoopbackAddress(), managementPort)).isTrue();
        Optional<InetAddress> outside = nonLoopbackAddress();
        assumeTrue(outside.isPresent(), "this machine has a network address besides loopback");
        assertThat(answers(outside.get(), port)).as("the service port on %s", outside.get()).isTrue();
        assertThat(answers(outside.get(), managementPort)).as("the management port on %s", outside.get()).isFalse();
    }

    private static void holds(WebhookClient client, String endpoint, String role) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "999999")
                .replace("/**", "/index.html").replace("/*", "/version");
        HttpResponse<String> answer = client.send(method.equals("*") ? "GET" : method, path, null);
        if (role.equals("PUBLIC")) {
            // a webhook may refuse on its own (Pub/Sub wants Google's token), but not for want of a login
            assertThat(answer.statusCode()).as(endpoint).isNotEqualTo(403);
            assertThat(answer.body()).as(endpoint).doesNotContain(LOGIN_REQUIRED);
        } else {
            assertThat(answer.statusCode()).as(endpoint).isEqualTo(401);
            assertThat(answer.body()).as(endpoint).contains(LOGIN_REQUIRED);
        }
    }

    /** Spring MVC mappings and servlets of one application context (the service's or the management server's). */
    private static Set<String> exposed(ApplicationContext context) {
        Set<String> exposed = new TreeSet<>();
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().keySet().forEach(info -> exposed.addAll(keys(info))));
        context.getBeansOfType(ServletRegistrationBean.class).values()
                .forEach(servlet -> servlet.getUrlMappings().forEach(url -> exposed.add("* " + url)));
        return exposed;
    }

    private static boolean answers(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
        return NetworkInterface.networkInterfaces().filter(nic -> {
                    try {
                        return nic.isUp() && !nic.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                }).flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
    }

    /** A rule names the endpoint, or ends in /** over it with the same method or any. */
    private static boolean covered(Map<String, String> rules, String endpoint) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1);
        return rules.containsKey(endpoint) || rules.keySet().stream().anyMatch(rule -> {
            String ruleMethod = rule.substring(0, rule.indexOf(' '));
            String rulePath = rule.substring(rule.indexOf(' ') + 1);
            return (ruleMethod.equals("*") || ruleMethod.equals(method)) && rulePath.endsWith("/**")
                    && (path + "/").startsWith(rulePath.substring(0, rulePath.length() - 2));
        });
    }

    private static Set<String> keys(RequestMappingInfo info) {
        Set<String> keys = new TreeSet<>();
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        for (String pattern : info.getPatternValues()) {
            if (methods.isEmpty()) {
                keys.add("* " + pattern);
            }
            methods.forEach(m -> keys.add(m.name() + " " + pattern));
        }
        return keys;
    }
}
