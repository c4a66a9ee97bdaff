package com.plumbline.intake.notify;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.plumbline.intake.support.ProcessingIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fresh install with no SMTP and no Twilio settings: an emergency still reaches the dashboard,
 * and every channel that could not be used is recorded SKIPPED with the reason, not dropped.
 */
class UnconfiguredChannelsTest extends ProcessingIntegrationTest {

    @Test
    void channelsWithoutSettingsAreSkippedWithTheReason() {
        String event = """
                {"id":"fresh-1","type":"sms","from":"+15125550166","text":"Gas leak in the kitchen, we can smell gas!"}""";
        assertThat(post("/api/webhooks/test", "application/json", event).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.queryForObject("select count(*) from notification where status <> 'PENDING'", Integer.class) > 0
                && jdbc.queryForObject("select count(*) from processing_job where type = 'AUTO_REPLY' and status = 'DONE'",
                        Integer.class) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.queryForObject("select count(*) from notification where status = 'PENDING'", Integer.class) == 0);

        List<Map<String, Object>> notifications = jdbc.queryForList("select channel, status, detail from notification");
        assertThat(notifications).filteredOn(n -> "EMAIL".equals(n.get("channel"))).isNotEmpty()
                .allSatisfy(n -> {
                    assertThat(n.get("status")).isEqualTo("SKIPPED");
                    assertThat((String) n.get("detail")).contains("SMTP_HOST");
                });
        assertThat(notifications).filteredOn(n -> "SMS".equals(n.get("channel"))).isNotEmpty()
                .allSatisfy(n -> {
                    assertThat(n.get("status")).isEqualTo("SKIPPED");
                    assertThat((String) n.get("detail")).contains("TWILIO_ACCOUNT_SID");
                });
        // the dashboard needs no settings; with nobody watching it, the alert is recorded as not seen
        assertThat(notifications).filteredOn(n -> "DASHBOARD".equals(n.get("channel"))).isNotEmpty()
                .allSatisfy(n -> {
                    assertThat(n.get("status")).isEqualTo("SKIPPED");
                    assertThat((String) n.get("detail")).contains("no dashboard was connected");
                });
        assertThat(jdbc.queryForObject("select result from processing_job where type = 'AUTO_REPLY'", String.class))
                .startsWith("skipped: Twilio is not configured");
    }
}
