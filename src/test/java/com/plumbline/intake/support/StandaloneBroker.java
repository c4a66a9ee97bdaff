package com.plumbline.intake.support;

import java.nio.file.Path;

import com.plumbline.intake.jobs.JobQueueConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * An Artemis broker standing in for a standalone one: its own TCP acceptor on a loopback port, a
 * persistent journal in a folder of its own, and the address settings the service gives its
 * embedded broker (redelivery, dead-letter queues, delivery count persisted). Started and stopped
 * by a test; started again on the same port and folder it is the same broker, messages included.
 */
public final class StandaloneBroker implements AutoCloseable {

    private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();

    private StandaloneBroker(Path data, int port) throws Exception {
        ConfigurationImpl config = new ConfigurationImpl();
        config.setPersistenceEnabled(true);
        config.setSecurityEnabled(false);
        config.setJournalDirectory(data.resolve("journal").toString());
        config.setBindingsDirectory(data.resolve("bindings").toString());
        config.setLargeMessagesDirectory(data.resolve("large").toString());
        config.setPagingDirectory(data.resolve("paging").toString());
        config.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
        JobQueueConfiguration.configureBroker(config);
        broker.setConfiguration(config);
        broker.start();
    }

    public static StandaloneBroker start(Path data, int port) throws Exception {
        return new StandaloneBroker(data, port);
    }

    public static String url(int port) {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() throws Exception {
        broker.stop();
    }
}
