package com.plumbline.intake.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.plumbline.intake.dashboard.DashboardNotifications;
import com.plumbline.intake.notify.Dispatch;
import com.plumbline.intake.notify.MessageSummaries;
import com.plumbline.intake.notify.MessageSummary;
import com.plumbline.intake.notify.Notifications;
import com.plumbline.intake.rules.Classification;
import com.plumbline.intake.rules.MessageClassifier;
import com.plumbline.intake.rules.Priority;
import com.plumbline.intake.rules.ReloadResult;
import com.plumbline.intake.rules.RulesBook;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Variable;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesFunction;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.component.seda.SedaComponent;
import org.apache.camel.component.seda.SedaEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The worked examples of docs/integrators.md, taken from the guide itself (blocks marked
 * {@code example=...}), applied to a copy of routes/ and config/rules.yaml: each validates, and
 * does what the guide says it does. No Spring context: rules through {@link RulesBook}, routes in
 * a bare CamelContext with stand-ins for the beans and the chat service.
 */
class GuideExamplesTest {

    /** A Friday afternoon in business hours (America/Chicago), so no after-hours rule applies. */
    private static final Instant RECEIVED = Instant.parse("2026-11-20T18:00:00Z");

    private static final RouteValidator VALIDATOR = new RouteValidator();

    /** What notify-dispatch carries: message 42, one email, no SMS, one dashboard notification. */
    private static final Dispatch DISPATCH = new Dispatch(42, List.of("1"), List.of(), List.of("2"));

    @TempDir
    Path dir;

    private final WireMockServer chat = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void startChatService() {
        chat.start();
    }

    @AfterEach
    void stopChatService() {
        chat.stop();
    }

    @Test
    void theGuideKeepsItsWorkedExamples() {
        assertThat(GuideExample.read()).extracting(GuideExample::name).contains(
                "add-emergency-keyword", "change-sla", "chat-channel", "route-by-priority", "second-relay");
    }

    @Test
    void secondRelayIsOneMoreRouteOfTheWebhookTemplate() {
        ExampleWorkspace workspace = new ExampleWorkspace(dir).apply("second-relay");

        RouteValidator.Report report = VALIDATOR.validateDirectory(workspace.routes());

        assertThat(report.problems()).isEmpty();
        assertThat(report.routeIds()).contains("ingress-google-voice", "ingress-google-voice-office");
    }

    @TestFactory
    Stream<DynamicTest> everyExampleAppliesAndValidates() {
        return GuideExample.read().stream().map(GuideExample::name).distinct().map(name ->
                DynamicTest.dynamicTest(name, () -> {
                    ExampleWorkspace workspace = new ExampleWorkspace(Files.createTempDirectory(dir, name)).apply(name);
                    assertThat(VALIDATOR.validateDirectory(workspace.routes()).problems()).as(name).isEmpty();
                    new RulesBook(workspace.rules()); // throws InvalidRulesException naming the key
                }));
    }

    @Test
    void excerptsMatchTheRoutesTheyQuote() {
        ExampleWorkspace workspace = new ExampleWorkspace(dir);
        GuideExample.read().stream().filter(GuideExample::excerpt).forEach(excerpt -> {
            List<Object> steps = workspace.stepsOf(excerpt, ExampleWorkspace.read(workspace.file(excerpt.file())));
            assertThat(steps).as(excerpt.toString()).containsAll(ExampleWorkspace.list(ExampleWorkspace.read(excerpt.yaml())));
        });
    }

    @Test
    void addEmergencyKeywordMakesThePhraseAnEmergencyUnlessNegated() {
        ExampleWorkspace workspace = new ExampleWorkspace(dir);
        assertThat(classify(workspace, "The kitchen ceiling is caving in").priority()).isNotEqualTo(Priority.EMERGENCY);

        workspace.apply("add-emergency-keyword");

        assertThat(classify(workspace, "The kitchen ceiling is caving in").priority()).isEqualTo(Priority.EMERGENCY);
        assertThat(classify(workspace, "the ceiling is not caving in").priority()).isNotEqualTo(Priority.EMERGENCY);
    }

    @Test
    void changeSlaTakesEffectOnReloadWithoutARestart() {
        ExampleWorkspace workspace = new ExampleWorkspace(dir);
        RulesBook running = new RulesBook(workspace.rules());
        MessageClassifier classifier = new MessageClassifier(running);
        Classification before = classifier.classify("We have no hot water", RECEIVED, 0);
        assertThat(before.priority()).isEqualTo(Priority.HIGH);
        assertThat(before.responseDue()).isEqualTo(RECEIVED.plus(Duration.ofHours(1)));

        workspace.apply("change-sla");

        assertThat(running.reloadIfChanged().status()).isEqualTo(ReloadResult.Status.RELOADED);
        assertThat(classifier.classify("We have no hot water", RECEIVED, 0).responseDue())
                .isEqualTo(RECEIVED.plus(Duration.ofMinutes(45)));
    }

    @Test
    void chatChannelPostsOneLineAndSurvivesAChatOutage() throws Exception {
        ExampleWorkspace workspace = new ExampleWorkspace(dir).apply("chat-channel");
        try (DefaultCamelContext camel = chatContext(workspace)) {
            camel.start();

            chat.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
            Exchange posted = camel.createProducerTemplate().send("direct:notify-chat", e -> e.getMessage().setBody(DISPATCH));

            assertThat(posted.getException()).isNull();
            chat.verify(postRequestedFor(urlEqualTo("/hook"))
                    .withHeader("Content-Type", equalTo("application/json"))
                    .withRequestBody(equalToJson("{\"text\":\"EMERGENCY LEAK_DETECTION (SMS): message 42, see the dashboard\"}")));

            chat.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(503)));
            Exchange failed = camel.createProducerTemplate().send("direct:notify-chat", e -> e.getMessage().setBody(DISPATCH));

            assertThat(failed.getException()).as("a chat outage stays inside the chat route").isNull();
        }
    }

    @Test
    void chatChannelLeavesTheDispatchAndTheOtherChannelsAlone() throws Exception {
        ExampleWorkspace workspace = new ExampleWorkspace(dir).apply("chat-channel");
        chat.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(503).withFixedDelay(500)));
        try (DefaultCamelContext camel = chatContext(workspace)) {
            // the channels' durable queues, in memory (JMS options such as preserveMessageQos mean
            // nothing there): only what reaches them matters here
            camel.addComponent("jms", new SedaComponent() {
                @Override
                protected void validateParameters(String uri, Map<String, Object> parameters, String optionPrefix) {
                }
            });
            // after the hand-over the route marks the notifications queued: recorded here instead
            List<Dispatch> queued = new java.util.concurrent.CopyOnWriteArrayList<>();
            camel.getRegistry().bind("notifications", new Notifications(null, null, null, null, null, null, null, null) {
                @Override
                public void queued(@Variable("dispatch") Dispatch dispatch) {
                    queued.add(dispatch);
                }
            });
            // and the dashboard's event (stored and sent by the bean): recorded here
            List<Dispatch> onTheBoards = new java.util.concurrent.CopyOnWriteArrayList<>();
            camel.getRegistry().bind("dashboardNotifications", new DashboardNotifications(null, null, null, null, null, null) {
                @Override
                public void publish(@Body Dispatch dispatch) {
                    onTheBoards.add(dispatch);
                }
            });
            load(camel, "notify-dispatch", workspace.route("routes/notify.camel.yaml", "notify-dispatch"));
            camel.start();

            Exchange dispatched = camel.createProducerTemplate().send("direct:notify-dispatch", e -> {
                e.getMessage().setBody(DISPATCH);
                e.getMessage().setHeader("jobId", 5L);
            });

            assertThat(dispatched.getException()).isNull();
            assertThat(dispatched.getMessage().getHeader("jobId")).as("job-notify-staff reads it afterwards").isEqualTo(5L);
            assertThat(camel.getEndpoint("jms:queue:notify.email", SedaEndpoint.class).getExchanges()).hasSize(1);
            assertThat(onTheBoards).containsExactly(DISPATCH);
            assertThat(queued).as("the dispatch itself is marked queued, whatever the chat branch did").containsExactly(DISPATCH);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> chat.verify(postRequestedFor(urlEqualTo("/hook"))));
        }
    }

    /** The chat route of the example, with a stand-in for the message summaries and the chat service. */
    private DefaultCamelContext chatContext(ExampleWorkspace workspace) throws Exception {
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("messageSummaries", new MessageSummaries(null) {
            @Override
            public MessageSummary of(long messageId) {
                return new MessageSummary(messageId, 7, null, "+15125550143", "EMERGENCY", "LEAK_DETECTION",
                        "SMS", "Burst pipe, water everywhere", RECEIVED, RECEIVED.plus(Duration.ofMinutes(30)));
            }
        });
        camel.getPropertiesComponent().addPropertiesFunction(environment("CHAT_WEBHOOK_URL", chat.baseUrl() + "/hook"));
        Path route = workspace.file("routes/notify-chat.camel.yaml");
        load(camel, "notify-chat", Files.readString(route));
        return camel;
    }

    private static void load(DefaultCamelContext camel, String name, String yaml) throws Exception {
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString("file:" + name + ".camel.yaml", yaml));
    }

    private static Classification classify(ExampleWorkspace workspace, String text) {
        return new MessageClassifier(new RulesBook(workspace.rules())).classify(text, RECEIVED, 0);
    }

    /** Stands in for {@code {{env:NAME}}}: the test cannot set the process's environment. */
    private static PropertiesFunction environment(String name, String value) {
        return new PropertiesFunction() {
            @Override
            public String getName() {
                return "env";
            }

            @Override
            public String apply(String remainder) {
                return remainder.equals(name) ? value : System.getenv(remainder);
            }
        };
    }
}
