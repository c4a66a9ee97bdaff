package com.plumbline.intake.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The run default: a PostgreSQL server started in-process, its data kept under
 * {@code intake.data-dir}/postgres so a restart keeps it. Setting {@code SPRING_DATASOURCE_URL}
 * switches this off and Spring Boot connects to that server instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /**
     * Starts the server (initdb on a fresh data folder, then the postmaster) on a thread of its own
     * as soon as the bean definitions are read, so that it runs beside the rest of the context's
     * start (Tomcat, Spring Security, the bean scan) instead of before the pool, Flyway and Hibernate
     * (issue 15: 8 % of a fresh start, initdb included). A static bean: the container
     * creates post-processors before every other bean; the environment is complete by then.
     */
    @Bean
    static EmbeddedPostgresStart embeddedPostgresStart(Environment environment) {
        return new EmbeddedPostgresStart(environment);
    }

    /** The server the background start brought up (or its failure, as this bean's failure). */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresStart start) throws IOException {
        return start.await();
    }

    static final class EmbeddedPostgresStart implements BeanFactoryPostProcessor, DisposableBean {

        private final Path dataDir;
        private final int port;
        private volatile CompletableFuture<EmbeddedPostgres> started;
        private volatile boolean handedOut;

        EmbeddedPostgresStart(Environment environment) {
            this.dataDir = Path.of(environment.getRequiredProperty("intake.data-dir"));
            this.port = environment.getProperty("intake.embedded-postgres.port", Integer.class, 0);
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            started = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    started.complete(start(dataDir, port));
                } catch (Throwable failure) {
                    started.completeExceptionally(failure);
                }
            }, "embedded-postgres-start");
            thread.setDaemon(true);
            thread.start();
        }

        EmbeddedPostgres await() throws IOException {
            try {
                EmbeddedPostgres postgres = started.get();
                handedOut = true;
                return postgres;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IOException("The embedded PostgreSQL did not start", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while the embedded PostgreSQL started", e);
            }
        }

        /** A context that failed before it took the server still stops it: pg_ctl leaves it running. */
        @Override
        public void destroy() throws IOException {
            CompletableFuture<EmbeddedPostgres> pending = started;
            if (pending != null && !handedOut) {
                try {
                    pending.get(2, TimeUnit.MINUTES).close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException | TimeoutException notStarted) {
                    // nothing to stop
                }
            }
        }
    }

    static EmbeddedPostgres start(Path dataDir, int port) throws IOException {
        Path pgData = dataDir.resolve("postgres").toAbsolutePath();
        Files.createDirectories(pgData);
        stopLeftoverPostmaster(pgData);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                // Spring stops it (destroyMethod), after the beans that use it, Camel included; zonky's
                // own JVM shutdown hook would stop it beside them, while Camel still has work in flight
                .setRegisterShutdownHook(false)
                // zonky's defaults are for throwaway test databases: fsync off (-F) and
                // synchronous_commit off, so a commit is answered before its WAL is written and a
                // crash of PostgreSQL loses the last acknowledged webhooks. We acknowledge a
                // webhook only after its commit, so the commit must be durable.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        claim(pgData);
        LOG.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), pgData);
        return postgres;
    }

    /**
     * pg_ctl daemonises the postmaster, so when this JVM is killed (SIGKILL, OOM killer) PostgreSQL
     * keeps running and holds the data directory: the next start's postmaster refuses it
     * ("lock file postmaster.pid already exists") and, on a random port, the service cannot start.
     * A postmaster still running on our data directory is stopped (SIGTERM, a clean shutdown) only
     * when it was orphaned: the JVM that started it ({@value #OWNER_FILE}: its pid and start time,
     * so a reused pid is not taken for it) is gone. A postmaster whose JVM still runs belongs to
     * another running instance on the same data folder: this start is refused instead, and that
     * instance keeps its database.
     *
     * @throws IOException when the data folder is in use by another running instance
     */
    static void stopLeftoverPostmaster(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (RuntimeException unreadable) {
            return; // PostgreSQL itself decides about a damaged lock file
        }
        ProcessHandle leftover = ProcessHandle.of(pid)
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false))
                .orElse(null);
        if (leftover == null) {
            return; // stale lock file of a dead server: PostgreSQL starts over it (crash recovery)
        }
        Optional<ProcessHandle> owner = liveOwner(pgData);
        if (owner.isPresent()) {
            throw new IOException("The embedded PostgreSQL on " + pgData + " (pid " + pid + ") belongs to another "
                    + "running instance (JVM pid " + owner.get().pid() + "); give this one its own INTAKE_DATA_DIR");
        }
        LOG.warn("Stopping PostgreSQL (pid {}) left running on {} by a previous run that did not shut down", pid, pgData);
        leftover.destroy();
        try {
            leftover.onExit().get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IOException("PostgreSQL (pid " + pid + ") left running on " + pgData + " did not stop", e);
        } catch (ExecutionException e) {
            throw new IOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    static final String OWNER_FILE = "intake-owner";

    /** Records this JVM as the owner of the PostgreSQL it started on {@code pgData}. */
    static void claim(Path pgData) throws IOException {
        ProcessHandle self = ProcessHandle.current();
        Files.writeString(pgData.resolve(OWNER_FILE), self.pid() + " " + startOf(self));
    }

    /**
     * The JVM that started the server on {@code pgData}, if it still runs. No owner file (a data
     * folder of a version that did not write one) counts as orphaned, as before.
     */
    static Optional<ProcessHandle> liveOwner(Path pgData) {
        try {
            String[] owner = Files.readString(pgData.resolve(OWNER_FILE)).trim().split(" ");
            return ProcessHandle.of(Long.parseLong(owner[0]))
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> startOf(process).equals(owner.length > 1 ? owner[1] : ""));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static String startOf(ProcessHandle process) {
        return process.info().startInstant().map(Object::toString).orElse("?");
    }

    /** The pool honours spring.datasource.hikari.*, as Spring Boot's own does for an external server. */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(10);
        dataSource.setPoolName("intake-embedded");
        return dataSource;
    }
}
