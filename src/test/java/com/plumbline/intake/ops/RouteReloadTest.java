package com.plumbline.intake.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With intake.routes.reload=true an edited route file takes effect without a restart, and a
 * broken edit is reported with file and line while the routes that ran keep running.
 */
@ExtendWith(OutputCaptureExtension.class)
class RouteReloadTest extends OpsIntegrationTest {

    private static final Path INGRESS = ROUTES_DIR.resolve("ingress.camel.yaml");
    private static final String ACCEPTED = "constant: '{\"status\":\"accepted\"}'";
    private static final String EVENT = """
            {"id":"%s","type":"sms","from":"+15125550143","text":"Drain is slow"}""";

    @Autowired
    private RouteReloadStatus reloads;

    private String original;
    private int sent;

    @BeforeEach
    void remember() throws Exception {
        original = Files.readString(INGRESS);
    }

    @AfterEach
    void putBack() throws Exception {
        Files.writeString(INGRESS, original);
        await().atMost(Duration.ofSeconds(30)).until(() -> answer().equals("{\"status\":\"accepted\"}"));
    }

    @Test
    void editedRouteIsLiveWithoutARestart() throws Exception {
        Files.writeString(INGRESS, original.replace(ACCEPTED, "constant: '{\"status\":\"accepted\",\"edited\":true}'"));

        await().atMost(Duration.ofSeconds(30)).until(() -> answer().contains("\"edited\":true"));
        assertThat(reloads.lastFailure()).isEmpty();
    }

    @Test
    void brokenYamlIsReportedAndTheRunningRoutesStay(CapturedOutput log) throws Exception {
        Files.writeString(INGRESS, original.replace("        - setBody:\n            " + ACCEPTED,
                "        - setBodyy:\n            " + ACCEPTED));

        await().atMost(Duration.ofSeconds(30)).until(() -> reloads.lastFailure().isPresent());
        RouteProblem problem = reloads.lastFailure().orElseThrow().problem();
        assertThat(problem.file()).endsWith("ingress.camel.yaml");
        assertThat(problem.line()).isEqualTo(lineOf("- setBodyy:"));
        assertThat(log.getAll()).contains("ingress.camel.yaml:" + problem.line());
        assertThat(answer()).isEqualTo("{\"status\":\"accepted\"}");
        assertThat(asAdmin().get("/api/webhooks/health").body()).contains("ingress.camel.yaml:" + problem.line());
    }

    @Test
    void editThatFailsToStartIsRolledBack(CapturedOutput log) throws Exception {
        // valid YAML and a known component, but an option the log endpoint does not have:
        // it can only fail when the route starts, after its old version was removed
        Files.writeString(INGRESS, original.replace("        - setBody:\n            " + ACCEPTED,
                "        - to: log:json-answer?noSuchOption=true\n        - setBody:\n            " + ACCEPTED));

        await().atMost(Duration.ofSeconds(30)).until(() -> reloads.lastFailure().isPresent());
        RouteProblem problem = reloads.lastFailure().orElseThrow().problem();
        assertThat(problem.toString()).contains("ingress.camel.yaml:" + lineOf("id: json-answer")).contains("json-answer");
        assertThat(log.getAll()).contains("putting back the previous version");
        // the file watcher can report one save twice; each reload swaps the file's routes, and a
        // request caught in the swap waits for them (direct: blocks for its consumer) before it answers
        await().atMost(Duration.ofSeconds(60)).until(() -> answer().equals("{\"status\":\"accepted\"}"));
        assertThat(asAdmin().get("/api/webhooks/health").statusCode()).isEqualTo(200);
    }

    private String answer() {
        return post("/api/webhooks/test", "application/json", EVENT.formatted("reload-" + System.nanoTime() + "-" + sent++)).body();
    }

    private static int lineOf(String text) throws Exception {
        var lines = Files.readAllLines(INGRESS);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + INGRESS);
    }
}
