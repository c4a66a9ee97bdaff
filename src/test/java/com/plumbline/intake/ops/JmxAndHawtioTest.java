package com.plumbline.intake.ops;

import java.lang.management.ManagementFactory;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Operators see every route by its id in JMX, through Jolokia, and in Hawtio. */
class JmxAndHawtioTest extends OpsIntegrationTest {

    private static final String TEST_EVENT = """
            {"id":"%s","type":"sms","from":"+15125550143","text":"Toilet keeps running"}""";

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void routeMBeansAreFoundByRouteIdOnThePlatformMBeanServer() throws Exception {
        assertThat(post("/api/webhooks/test", "application/json", TEST_EVENT.formatted("jmx-1")).statusCode()).isEqualTo(200);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();

        Set<ObjectName> routes = server.queryNames(new ObjectName("org.apache.camel:type=routes,name=\"ingress-test\",*"), null);

        assertThat(routes).isNotEmpty();
        ObjectName route = routes.iterator().next();
        assertThat((Long) server.getAttribute(route, "ExchangesTotal")).isGreaterThanOrEqualTo(1);
        assertThat(server.getAttribute(route, "Description")).asString().contains("test injection");
    }

    @Test
    void jolokiaReadsTheRouteExchangeCount() throws Exception {
        assertThat(post("/api/webhooks/test", "application/json", TEST_EVENT.formatted("jolokia-1")).statusCode()).isEqualTo(200);

        var response = managementAsAdmin().get("/actuator/jolokia/read/org.apache.camel:context=*,type=routes,name=%22ingress-test%22/ExchangesTotal");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = mapper.readTree(response.body());
        assertThat(answer.get("status").asInt()).isEqualTo(200);
        JsonNode perContext = answer.get("value");
        assertThat(perContext.size()).isGreaterThanOrEqualTo(1);
        assertThat(perContext.elements().next().get("ExchangesTotal").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void hawtioConsoleAnswers() {
        var page = managementAsAdmin().get("/actuator/hawtio/index.html");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("hawtio");
    }
}
