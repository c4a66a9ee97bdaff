package com.plumbline.intake.support;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * The whole service as {@link IntakeIntegrationTest} starts it, with the inbound consumer on:
 * webhooks are classified, threaded and notified about. No notification peers (SMTP and Twilio
 * are not configured). Every subclass shares this one context (the dispatch board's tests, and
 * the fresh-install notification test), so it is started once.
 */
public abstract class ProcessingIntegrationTest extends IntakeIntegrationTest {

    @DynamicPropertySource
    static void processingOn(DynamicPropertyRegistry registry) {
        registry.add("intake.processing.auto-startup", () -> "true");
    }

    /**
     * The next test (of this class or another of this context) empties the tables: let this one's
     * messages finish first (threaded, and their queued jobs, which add notifications, done), or
     * its deletes would race the processing.
     */
    @AfterEach
    void processingSettled() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                jdbc.queryForObject("select count(*) from webhook_event", Integer.class)
                        <= jdbc.queryForObject("select count(*) from message", Integer.class)
                && jdbc.queryForObject("select count(*) from processing_job where status in ('PENDING', 'RUNNING')"
                        + " and enqueued_at is not null", Integer.class) == 0);
    }
}
