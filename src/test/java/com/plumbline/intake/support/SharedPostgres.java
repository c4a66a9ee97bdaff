package com.plumbline.intake.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

/**
 * One PostgreSQL server for the whole test JVM, and a fresh database on it for each Spring test
 * context: {@code CREATE DATABASE ... TEMPLATE} a database migrated once, a file copy that takes a
 * fraction of a second, where an embedded server per context cost an initdb, a server start and
 * every Flyway migration. Each context still starts empty and on its own, as before.
 * <p>
 * The service meets it as an external server ({@code spring.datasource.url}), the path
 * {@code ExternalServersTest} covers; the embedded server itself ({@code EmbeddedPostgresConfiguration}:
 * data kept in the data folder, durable commits, a leftover postmaster stopped) is proven by the tests that
 * start the service on a data folder of their own (DurabilityTest, DatabaseOutageTest, LeftoverPostmasterTest).
 * Flyway still runs at each context start, against the same migrations; it finds the schema current.
 */
public final class SharedPostgres {

    private static final String TEMPLATE = "intake_template";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private SharedPostgres() {
    }

    /** The JDBC URL of a new, migrated, empty database (user postgres, no password). */
    public static synchronized String newDatabase() {
        EmbeddedPostgres postgres = server();
        String name = "intake_" + DATABASES.incrementAndGet();
        execute(postgres, "create database " + name + " template " + TEMPLATE);
        return postgres.getJdbcUrl("postgres", name);
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                // zonky's test defaults (fsync off): nothing here has to survive a crash; zonky's
                // shutdown hook stops the server and removes its data when the JVM ends
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            execute(server, "create database " + TEMPLATE);
            Flyway.configure()
                    .dataSource(server.getJdbcUrl("postgres", TEMPLATE), "postgres", null)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        }
        return server;
    }

    private static void execute(EmbeddedPostgres postgres, String sql) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
