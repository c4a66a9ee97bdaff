package com.plumbline.intake.ingress;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.plumbline.intake.PlumblineIntakeApplication;
import com.plumbline.intake.support.FakePubSubSubscriber;
import com.plumbline.intake.support.FreePorts;
import com.plumbline.intake.support.SharedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The optional pull consumer feeds the same intake, and acknowledges poison messages it has stored. */
class PubSubPullTest {

    @TempDir
    Path dataDir;

    @Test
    void pulledRelayEventsAreStoredAndAcknowledged() throws Exception {
        try (FakePubSubSubscriber pubsub = new FakePubSubSubscriber();
             ConfigurableApplicationContext service = new SpringApplicationBuilder(PlumblineIntakeApplication.class).run(
                     "--server.port=0",
                     "--management.server.port=0",
                     "--intake.ws.port=" + FreePorts.next(),   // not the defaults: another service may hold them
                     "--intake.processing.auto-startup=false",
                     "--intake.data-dir=" + dataDir,
                     // a database of its own on the test JVM's PostgreSQL: this test is not about the embedded one
                     "--spring.datasource.url=" + SharedPostgres.newDatabase(),
                     "--spring.datasource.username=postgres",
                     "--intake.pubsub.pull.enabled=true",
                     "--intake.pubsub.pull.project-id=plumbline-test",
                     "--intake.pubsub.pull.subscription=intake-pull",
                     "--camel.component.google-pubsub.endpoint=" + pubsub.endpoint(),
                     "--camel.component.google-pubsub.authenticate=false")) {

            pubsub.publish("pull-1", """
                    {"id":"gv-pull-1","type":"voicemail","from":"+15125550133","transcript":"Sewer is backing up into the tub"}""");
            pubsub.publish("pull-2", "<html>not a relay event</html>");

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> pubsub.acknowledged().containsAll(List.of("ack-pull-1", "ack-pull-2")));

            JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("select provider_message_id || ' ' || status from webhook_event order by id", String.class))
                    .containsExactly("gv-pull-1 RECEIVED", "pull-2 REJECTED");
            assertThat(pubsub.negativelyAcknowledged()).isEmpty();
        }
    }
}
