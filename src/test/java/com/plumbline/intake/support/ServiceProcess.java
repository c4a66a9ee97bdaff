package com.plumbline.intake.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged service as the integration tests run it, in a process of its own: the jar that
 * {@code package} built, unpacked once per build the way the Dockerfile runs it (plain jars load
 * faster than jars nested in a jar) and with the Dockerfile's serial collector, but with the JIT's
 * first tier only: these processes live a minute or two, and on a 2-core machine shared by the whole
 * build the optimising compiler spends more CPU on code they soon leave than it saves them (measured:
 * a start to /health UP took half the CPU).
 * Nothing from the developer's shell reaches it: no real Twilio, SMTP, AI endpoint or servers.
 */
public final class ServiceProcess {

    private static final Path JAR = Path.of("target/plumbline-intake-0.1.0-SNAPSHOT.jar");
    private static final Path UNPACKED = Path.of("target/service-unpacked");

    private ServiceProcess() {
    }

    /** A process builder for the service with this heap and these arguments, run in the project root (routes/, config/). */
    public static ProcessBuilder builder(String maxHeap, String... arguments) {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx" + maxHeap, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", unpacked().toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("TWILIO_") || name.startsWith("SMTP_")
                || name.startsWith("AI_RESPONSE_") || name.startsWith("SPRING_") || name.startsWith("INTAKE_")
                || name.startsWith("PUBSUB_") || name.startsWith("GOOGLE_") || name.equals("PUBLIC_BASE_URL")
                || name.equals("PORT") || name.equals("EMBEDDED_POSTGRES_PORT"));
        return builder;
    }

    /** The unpacked application jar, unpacked from the packaged jar when that is newer (Spring Boot's jar tools). */
    private static synchronized Path unpacked() {
        assertThat(JAR).as("the packaged service (run by failsafe after package)").exists();
        Path application = UNPACKED.resolve("app.jar");
        try {
            if (Files.exists(application)
                    && !Files.getLastModifiedTime(application).toInstant().isBefore(Files.getLastModifiedTime(JAR).toInstant())) {
                return application.toAbsolutePath();
            }
            Process extract = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", JAR.toString(), "extract",
                    "--destination", UNPACKED.toString(), "--application-filename", "app.jar", "--force")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            assertThat(extract.waitFor(2, TimeUnit.MINUTES)).as("the jar unpacked within 2 minutes").isTrue();
            assertThat(extract.exitValue()).as("exit value of the jar's extract command").isZero();
            return application.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
