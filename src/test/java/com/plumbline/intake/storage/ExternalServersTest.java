package com.plumbline.intake.storage;

import java.nio.file.Path;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import com.plumbline.intake.PlumblineIntakeApplication;
import com.plumbline.intake.support.FreePorts;
import com.plumbline.intake.support.WebhookClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.connection.SingleConnectionFactory;
import org.springframework.jms.core.JmsTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With SPRING_DATASOURCE_URL and SPRING_ARTEMIS_BROKER_URL set, the service uses those servers
 * and starts no embedded ones. Here the "external" servers run in the test, on loopback ports.
 */
class ExternalServersTest {

    @TempDir
    Path dataDir;

    @Test
    void datasourceUrlAndBrokerUrlSwitchToExternalServers() throws Exception {
        int brokerPort = FreePorts.next();
        EmbeddedActiveMQ broker = externalBroker(brokerPort);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             ConfigurableApplicationContext service = new SpringApplicationBuilder(PlumblineIntakeApplication.class).run(
                     "--server.port=0",
                     "--management.server.port=0",
                     "--intake.ws.port=" + FreePorts.next(),   // not the default port: another service may hold it
                     "--intake.processing.auto-startup=false",
                     "--intake.data-dir=" + dataDir,
                     "--intake.test-endpoint.enabled=true",
                     "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                     "--spring.datasource.username=postgres",
                     "--spring.artemis.broker-url=tcp://localhost:" + brokerPort)) {

            assertThat(service.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
            assertThat(service.getBeanNamesForType(EmbeddedActiveMQ.class)).isEmpty();
            assertThat(dataDir.resolve("postgres")).doesNotExist();
            // an external broker may not carry the embedded one's per-queue consumer windows: one message at a time
            ConnectionFactory factory = service.getBean(ConnectionFactory.class);
            Object target = factory instanceof SingleConnectionFactory cached ? cached.getTargetConnectionFactory() : factory;
            assertThat(((ActiveMQConnectionFactory) target).getConsumerWindowSize()).isZero();

            int port = ((ServletWebServerApplicationContext) service).getWebServer().getPort();
            assertThat(new WebhookClient(port).post("/api/webhooks/test", "application/json",
                    "{\"id\":\"ext-1\",\"type\":\"sms\",\"from\":\"+15125550190\",\"text\":\"toilet overflowing\"}")
                    .statusCode()).isEqualTo(200);

            JdbcTemplate externalDb = new JdbcTemplate(postgres.getPostgresDatabase());
            assertThat(externalDb.queryForList("select provider_message_id from webhook_event", String.class))
                    .containsExactly("ext-1");
            JmsTemplate externalBroker = new JmsTemplate(new ActiveMQConnectionFactory("tcp://localhost:" + brokerPort));
            externalBroker.setReceiveTimeout(5000);
            Message queued = externalBroker.receive("intake.inbound");
            assertThat(((TextMessage) queued).getText()).contains("\"providerMessageId\":\"ext-1\"");
        } finally {
            broker.stop();
        }
    }

    private static EmbeddedActiveMQ externalBroker(int port) throws Exception {
        ConfigurationImpl config = new ConfigurationImpl();
        config.setPersistenceEnabled(false);
        config.setSecurityEnabled(false);
        config.addAcceptorConfiguration("tcp", "tcp://localhost:" + port);
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(config);
        broker.start();
        return broker;
    }
}
