package com.plumbline.intake.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check integrators run before deploying, and CI runs on every build: no database, no broker,
 * no Spring; each problem comes with its file and line.
 */
class RouteValidatorTest {

    private static final String GOOD = """
            - route:
                id: hello
                description: Says hello
                from:
                  uri: direct:hello
                  steps:
                    - setBody:
                        constant: hello
            """;

    @TempDir
    Path dir;

    @Test
    void theRoutesFolderIsValid() {
        RouteValidator.Report report = new RouteValidator().validateDirectory(Path.of("routes"));

        assertThat(report.problems()).isEmpty();
        assertThat(report.routeIds()).contains("ingress-twilio-sms", "ingress-test", "intake", "accept",
                "json-answer", "webhook-health", "webhook-metrics", "error-answer");
    }

    @Test
    void brokenYamlIsReportedWithFileAndLine() throws IOException {
        Path file = write("broken.camel.yaml", GOOD + "    - setBody:\n  constant: [unclosed\n");

        assertThat(new RouteValidator().validateDirectory(dir).problems()).singleElement()
                .satisfies(problem -> {
                    assertThat(problem.file()).isEqualTo(file.toString());
                    assertThat(problem.line()).isBetween(9, 11);
                });
    }

    @Test
    void unknownStepIsReportedAtItsLine() throws IOException {
        write("typo.camel.yaml", GOOD.replace("- setBody:", "- setBodyy:"));

        assertThat(new RouteValidator().validateDirectory(dir).problems()).singleElement()
                .satisfies(problem -> {
                    assertThat(problem.line()).isEqualTo(7);
                    assertThat(problem.message()).contains("setBodyy");
                });
    }

    @Test
    void routeWithoutIdOrDescriptionIsReported() throws IOException {
        write("anonymous.camel.yaml", GOOD.replace("    id: hello\n", "").replace("    description: Says hello\n", ""));

        assertThat(new RouteValidator().validateDirectory(dir).problems())
                .extracting(RouteProblem::message)
                .anySatisfy(message -> assertThat(message).contains("has no id"))
                .anySatisfy(message -> assertThat(message).contains("has no description"));
    }

    @Test
    void unknownComponentAndUnconsumedDirectAreReported() throws IOException {
        write("wrong.camel.yaml", GOOD + """
                        - to: nosuchcomponent:thing
                        - to: direct:nobody-listens
                """);

        assertThat(new RouteValidator().validateDirectory(dir).problems())
                .extracting(RouteProblem::toString)
                .anySatisfy(p -> assertThat(p).contains("wrong.camel.yaml:9: unknown component 'nosuchcomponent'"))
                .anySatisfy(p -> assertThat(p).contains("wrong.camel.yaml:10: no route consumes direct:nobody-listens"));
    }

    @Test
    void duplicateRouteIdAcrossFilesIsReported() throws IOException {
        write("a.camel.yaml", GOOD);
        write("b.camel.yaml", GOOD.replace("direct:hello", "direct:hello-again"));

        assertThat(new RouteValidator().validateDirectory(dir).problems()).singleElement()
                .satisfies(problem -> assertThat(problem.toString()).contains("b.camel.yaml:1").contains("already used"));
    }

    @Test
    void theRoutesFolderNamesOnlyBeansAndMethodsThatExist() {
        assertThat(new RouteValidator().validateDirectory(Path.of("routes")).problems())
                .extracting(RouteProblem::message)
                .noneMatch(message -> message.contains("bean"));
    }

    @Test
    void misspeltBeanIsReportedAtItsLine() throws IOException {
        write("beans.camel.yaml", GOOD.replace("setBody:\n            constant: hello",
                "bean:\n            ref: intakeMetrix\n            method: rejected"));

        assertThat(new RouteValidator().validateDirectory(dir).problems()).singleElement()
                .satisfies(problem -> assertThat(problem.toString())
                        .endsWith("beans.camel.yaml:8: no bean named 'intakeMetrix'"));
    }

    @Test
    void misspeltMethodIsReportedWithTheBeanItWasLookedFor() throws IOException {
        write("methods.camel.yaml", GOOD.replace("setBody:\n            constant: hello", """
                setHeader:
                            name: found
                            method:
                              ref: threadedMessages
                              method: "findd(${body.messageId})"
                """.strip()));

        assertThat(new RouteValidator().validateDirectory(dir).problems()).singleElement()
                .satisfies(problem -> assertThat(problem.toString())
                        .endsWith("methods.camel.yaml:10: bean 'threadedMessages' (ThreadedMessages) has no method 'findd'"));
    }

    @Test
    void missingHashBeanInAnEndpointParameterIsReported() throws IOException {
        write("hash.camel.yaml", GOOD + """
                        - to:
                            uri: seda:somewhere
                            parameters:
                              queue: "#noSuchQueue"
                """);

        assertThat(new RouteValidator().validateDirectory(dir).problems()).singleElement()
                .satisfies(problem -> assertThat(problem.toString())
                        .endsWith("hash.camel.yaml:12: no bean named 'noSuchQueue'"));
    }

    @Test
    void existingBeansAndMethodsPass() throws IOException {
        write("fine.camel.yaml", GOOD + """
                        - bean:
                            ref: threadedMessages
                            method: "find(${body.messageId})"
                        - to: seda:jobs?queue=#jobQueue
                        - setBody:
                            simple: "${bean:emailNotifications?method=endpointUri}"
                """);

        assertThat(new RouteValidator().validateDirectory(dir).problems()).isEmpty();
    }

    @Test
    void theServiceCanLookBeansUpInItsOwnRegistry() throws IOException {
        write("beans.camel.yaml", GOOD.replace("setBody:\n            constant: hello",
                "bean:\n            ref: onlyInTheRegistry\n            method: toUpperCase"));

        assertThat(new RouteValidator(name -> Optional.of(String.class)).validateDirectory(dir).ok()).isTrue();
        assertThat(new RouteValidator(name -> Optional.empty()).validateDirectory(dir).problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("onlyInTheRegistry"));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
