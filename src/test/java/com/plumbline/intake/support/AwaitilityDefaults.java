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
 */
public final class AwaitilityDefaults implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        Awaitility.setDefaultPollInterval(Duration.ofMillis(20));
    }
}
