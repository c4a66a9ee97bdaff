package com.plumbline.intake.security;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.plumbline.intake.notify.NotifyIntegrationTest;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint Spring and Camel expose has a rule here. A new endpoint without one fails the
 * first test; each rule is checked against the running service without a token.
 */
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
            Map.entry("GET /api/webhooks/health", "ADMIN"),
            Map.entry("GET /api/webhooks/metrics", "ADMIN"),
            Map.entry("* /error", "PUBLIC"),
            // Spring's DispatcherServlet: any path without a rule of its own is closed
            Map.entry("* /", "CLOSED"),
            Map.entry("GET /actuator", "ADMIN"),
            Map.entry("GET /actuator/health", "PUBLIC"),
            Map.entry("GET /actuator/health/**", "ADMIN"),
            Map.entry("GET /actuator/info", "ADMIN"),
            Map.entry("GET /actuator/metrics", "ADMIN"),
            Map.entry("GET /actuator/metrics/{requiredMetricName}", "ADMIN"),
            Map.entry("GET /actuator/prometheus", "METRICS"),
            Map.entry("* /actuator/hawtio/**", "ADMIN"),
            Map.entry("* /actuator/jolokia/*", "ADMIN")));

    private static final String LOGIN_REQUIRED = "a valid login is required";

    @Autowired
    private ApplicationContext spring;

    @Autowired
    private CamelContext camel;

    @Test
    void everyExposedEndpointHasARule() {
        Set<String> exposed = new TreeSet<>();
        spring.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().keySet().forEach(info -> exposed.addAll(keys(info))));
        for (Endpoint endpoint : camel.getEndpoints()) {
            if (endpoint.getEndpointUri().startsWith("platform-http:")) {
                String path = endpoint.getEndpointUri().substring("platform-http:".length()).replaceFirst("^/+", "/")
                        .replaceFirst("\\?.*", "");
                exposed.add(RULES.keySet().stream().filter(k -> k.endsWith(" " + path)).findFirst()
                        .orElse("? " + path));
            }
        }
        spring.getBeansOfType(ServletRegistrationBean.class).values()
                .forEach(servlet -> servlet.getUrlMappings().forEach(url -> exposed.add("* " + url)));

        assertThat(exposed.stream().filter(e -> !covered(e)).toList())
                .as("endpoints without a rule in EndpointInventoryTest.RULES (and SecurityConfiguration)").isEmpty();
    }

    @Test
    void everyRuleHoldsForACallerWithoutAToken() {
        RULES.forEach((endpoint, role) -> {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "999999")
                    .replace("/**", "/index.html").replace("/*", "/version");
            HttpResponse<String> answer = client().send(method.equals("*") ? "GET" : method, path, null);
            if (role.equals("PUBLIC")) {
                // a webhook may refuse on its own (Pub/Sub wants Google's token), but not for want of a login
                assertThat(answer.statusCode()).as(endpoint).isNotEqualTo(403);
                assertThat(answer.body()).as(endpoint).doesNotContain(LOGIN_REQUIRED);
            } else {
                assertThat(answer.statusCode()).as(endpoint).isEqualTo(401);
                assertThat(answer.body()).as(endpoint).contains(LOGIN_REQUIRED);
            }
        });
    }

    /** A rule names the endpoint, or ends in /** over it with the same method or any. */
    private static boolean covered(String endpoint) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1);
        return RULES.containsKey(endpoint) || RULES.keySet().stream().anyMatch(rule -> {
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
