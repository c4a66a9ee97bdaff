package com.plumbline.intake.security;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.plumbline.intake.ops.OpsIntegrationTest;
import com.plumbline.intake.support.WebhookClient;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jolokia's restrictor policy (jolokia-access.xml): even ADMIN may only read and start, stop or
 * reset Camel routes; diagnostics, logging changes and the context's send/request are refused.
 */
class JolokiaPolicyTest extends OpsIntegrationTest {

    private static final String ROUTE = "org.apache.camel:context=plumbline-intake,type=routes,name=%22job-cleanup%22";
    private static final String CONTEXT = "org.apache.camel:context=plumbline-intake,type=context,name=%22plumbline-intake%22";

    @Autowired
    private CamelContext camel;

    @Test
    void adminReadsRouteStatisticsAndStopsAndStartsARoute() {
        WebhookClient admin = managementAsAdmin();
        assertThat(jolokia(admin, "/read/" + ROUTE + "/ExchangesTotal").get("status").asInt()).isEqualTo(200);

        assertThat(jolokia(admin, "/exec/" + ROUTE + "/stop()").get("status").asInt()).isEqualTo(200);
        assertThat(camel.getRouteController().getRouteStatus("job-cleanup").isStopped()).isTrue();
        assertThat(jolokia(admin, "/exec/" + ROUTE + "/start()").get("status").asInt()).isEqualTo(200);
        assertThat(camel.getRouteController().getRouteStatus("job-cleanup").isStarted()).isTrue();
        assertThat(jolokia(admin, "/exec/" + ROUTE + "/reset()").get("status").asInt()).isEqualTo(200);
    }

    @Test
    void diagnosticsLoggingChangesAndInjectionAreRefusedEvenToAdmin() {
        WebhookClient admin = managementAsAdmin();
        for (String refused : new String[]{
                "/exec/com.sun.management:type=DiagnosticCommand/vmFlags()",
                "/exec/com.sun.management:type=HotSpotDiagnostic/dumpHeap/tmp!/x.hprof/true",
                "/read/com.sun.management:type=HotSpotDiagnostic/DiagnosticOptions",
                "/exec/java.util.logging:type=Logging/setLoggerLevel/com.plumbline/FINEST",
                "/exec/" + CONTEXT + "/sendBody(java.lang.String,java.lang.Object)/direct:accept/hello",
                "/exec/" + CONTEXT + "/requestBody(java.lang.String,java.lang.Object)/direct:accept/hello",
                "/exec/" + CONTEXT + "/stop()",
                "/write/" + ROUTE + "/Tracing/true"}) {
            JsonNode answer = jolokia(admin, refused);
            assertThat(answer.get("status").asInt()).as(refused).isEqualTo(403);
            assertThat(answer.has("value")).as(refused).isFalse();
        }
        assertThat(camel.getStatus().isStarted()).isTrue();
    }

    private static JsonNode jolokia(WebhookClient client, String path) {
        HttpResponse<String> answer = client.get("/actuator/jolokia" + path);
        assertThat(answer.statusCode()).as(path).isIn(200, 403);
        return readJson(answer.body());
    }
}
