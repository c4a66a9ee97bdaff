package com.plumbline.intake.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.plumbline.intake.support.IntakeIntegrationTest;
import com.plumbline.intake.support.WebhookClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With intake.routes.reload=true an edited route file takes effect without a restart, and a
 * broken edit is reported with file and line while the routes that ran keep running. These tests
 * edit route files, so they run in a context of their own on a copy of routes/ of their own, and
 * each waits until the file watcher has handled its last event before the next begins.
 */
@ExtendWith(OutputCaptureExtension.class)
class RouteReloadTest extends IntakeIntegrationTest {

    private static final Path ROUTES_DIR = OpsIntegrationTest.copyOfRoutes();
    private static final Path INGRESS = ROUTES_DIR.resolve("ingress.camel.yaml");

    @DynamicPropertySource
    static void liveRoutesOfItsOwn(DynamicPropertyRegistry registry) {
        registry.add("intake.routes.dir", ROUTES_DIR::toString);
        registry.add("intake.routes.reload", () -> "true");
    }

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

    /**
     * The next test may start only when no event of this one is left for the watcher, and a save
     * can be reported twice (truncated, then written). The watcher takes events in order, one at a
     * time: a version with a marker of its own, written in one step (a rename: one event), answers
     * only once every event before it was handled; then the original, also in one step, answers
     * when nothing is left to reload. No quiet period to sit out.
     */
    @AfterEach
    void putBackAndWaitUntilTheWatcherIsQuiet() throws Exception {
        String marker = "\"restored\":" + System.nanoTime();
        replaceInOneStep(original.replace(ACCEPTED, "constant: '{\"status\":\"accepted\"," + marker + "}'"));
        await().atMost(Duration.ofSeconds(30)).until(() -> answer().contains(marker));
        replaceInOneStep(original);
        await().atMost(Duration.ofSeconds(30)).until(() -> answer().equals("{\"status\":\"accepted\"}"));
    }

    /** Writes the route file as a rename of a complete copy: the watcher sees one event, never an empty file. */
    private static void replaceInOneStep(String content) throws Exception {
        // beside the watched folder, on the same file system, where the watcher does not look
        Path copy = Files.createTempFile(ROUTES_DIR.getParent(), "ingress-", ".tmp");
        Files.writeString(copy, content);
        Files.move(copy, INGRESS, StandardCopyOption.ATOMIC_MOVE);
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

        // an in-place save can be seen half-written first (its own failure, rolled back too): wait for this edit's
        int misspelt = lineOf("- setBodyy:");
        await().atMost(Duration.ofSeconds(30)).until(() -> reloads.lastFailure()
                .filter(failure -> failure.problem().line() == misspelt).isPresent());
        RouteProblem problem = reloads.lastFailure().orElseThrow().problem();
        assertThat(problem.file()).endsWith("ingress.camel.yaml");
        assertThat(problem.line()).isEqualTo(misspelt);
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

        // an in-place save can be seen half-written first (its own failure, rolled back too): wait for this edit's
        await().atMost(Duration.ofSeconds(30)).until(() -> reloads.lastFailure()
                .filter(failure -> failure.problem().toString().contains("json-answer")).isPresent());
        RouteProblem problem = reloads.lastFailure().orElseThrow().problem();
        assertThat(problem.toString()).contains("ingress.camel.yaml:" + lineOf("id: json-answer")).contains("json-answer");
        assertThat(log.getAll()).contains("putting back the previous version");
        // the file watcher can report one save twice; each reload swaps the file's routes, and a
        // request caught in the swap waits for them (direct: blocks for its consumer) before it answers
        await().atMost(Duration.ofSeconds(60)).until(() -> answer().equals("{\"status\":\"accepted\"}"));
        // a second event of the same save may still be swapping the routes back in
        WebhookClient admin = asAdmin();
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/api/webhooks/health").statusCode() == 200);
    }

    @Test
    void misspeltBeanMethodIsRefusedBeforeItCanFailAWebhook() throws Exception {
        // the Twilio SMS endpoint's parser, a parameter of its templatedRoute
        Files.writeString(INGRESS, original.replace("value: sms\n", "value: smss\n"));

        await().atMost(Duration.ofSeconds(30)).until(() -> reloads.lastFailure()
                .filter(failure -> failure.problem().message().contains("smss")).isPresent());
        assertThat(reloads.lastFailure().orElseThrow().problem().toString())
                .endsWith("ingress.camel.yaml:" + lineOf("value: smss")
                        + ": bean 'twilioWebhook' (TwilioWebhook) has no method 'smss'");
        assertThat(answer()).isEqualTo("{\"status\":\"accepted\"}");
    }

    /**
     * Webhooks keep coming while their route file is swapped: each is answered, or asked to come
     * back (503 with Retry-After); none gets a server error or a 404 for a route that is reloading.
     */
    @Test
    void webhooksDuringAReloadAreAnsweredOrAskedToRetryNeverAServerError() throws Exception {
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<String> retryWithoutRetryAfter = new CopyOnWriteArrayList<>();
        AtomicBoolean editing = new AtomicBoolean(true);
        ExecutorService providers = Executors.newFixedThreadPool(3);
        for (int t = 0; t < 3; t++) {
            providers.submit(() -> {
                while (editing.get()) {
                    HttpResponse<String> response = post("/api/webhooks/test", "application/json",
                            EVENT.formatted("swap-" + System.nanoTime()));
                    statuses.merge(response.statusCode(), 1, Integer::sum);
                    if (response.statusCode() == 503 && response.headers().firstValue("Retry-After").isEmpty()) {
                        retryWithoutRetryAfter.add(response.body());
                    }
                }
                return null;
            });
        }
        try {
            for (int edit = 1; edit <= 3; edit++) {
                String marker = "\"edit\":" + edit;
                Files.writeString(INGRESS, original.replace(ACCEPTED, "constant: '{\"status\":\"accepted\"," + marker + "}'"));
                await().atMost(Duration.ofSeconds(30)).until(() -> answer().contains(marker));
            }
        } finally {
            editing.set(false);
            providers.shutdown();
            assertThat(providers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        System.out.println("Answers during three reloads of ingress.camel.yaml: " + statuses);
        assertThat(statuses.keySet()).as("statuses of the answers, with counts " + statuses).isSubsetOf(200, 503);
        assertThat(retryWithoutRetryAfter).isEmpty();
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
