package com.plumbline.intake.support;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Awaitility's defaults for every test class (an extension JUnit finds by itself: META-INF/services and
 * junit-platform.properties). Awaitility's own wait 100 ms before the first look, even when the condition
 * already holds, and then look every 100 ms; with hundreds of awaits per build (one before each test of
 * {@link IntakeIntegrationTest}) that was minutes of sleeping. Here the first look is at once, then every 20 ms.
 * An await fails on its own condition only: Awaitility's default also rethrows any uncaught exception of any thread
 * in the JVM, and the IT cases run side by side in one JVM, so CrashSafetyIT's SIGKILL, cutting its service's SMTP
 * session, failed TwoInstancesIT's await with GreenMail's "Connection reset" (stop 33, a clean clone's CI run).
 */
public final class AwaitilityDefaults implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        Awaitility.setDefaultPollInterval(Duration.ofMillis(20));
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
    }
}
