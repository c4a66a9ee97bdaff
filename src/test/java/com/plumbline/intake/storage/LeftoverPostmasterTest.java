package com.plumbline.intake.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** At start, a PostgreSQL found on the data folder is stopped only when the JVM that started it is gone. */
class LeftoverPostmasterTest {

    @TempDir
    Path dataDir;

    @Test
    void aServerOfAnotherRunningInstanceIsLeftAloneAndThisStartIsRefused() throws Exception {
        Path pgData = dataDir.resolve("postgres");
        try (EmbeddedPostgres running = start(pgData)) {
            EmbeddedPostgresConfiguration.claim(pgData); // the owner, this JVM, is alive

            assertThatThrownBy(() -> EmbeddedPostgresConfiguration.stopLeftoverPostmaster(pgData))
                    .isInstanceOf(IOException.class).hasMessageContaining("another running instance");
            assertThat(postmaster(pgData).isAlive()).isTrue();
        }
    }

    @Test
    void aServerOrphanedByADeadJvmIsStopped() throws Exception {
        Path pgData = dataDir.resolve("postgres");
        try (EmbeddedPostgres orphan = start(pgData)) {
            Process gone = new ProcessBuilder("true").start();
            gone.waitFor();
            Files.writeString(pgData.resolve(EmbeddedPostgresConfiguration.OWNER_FILE),
                    gone.pid() + " " + gone.info().startInstant().map(Object::toString).orElse("?"));
            ProcessHandle postmaster = postmaster(pgData);

            EmbeddedPostgresConfiguration.stopLeftoverPostmaster(pgData);

            assertThat(postmaster.isAlive()).isFalse();
        } catch (IOException closingAStoppedServer) {
            // zonky's close finds the server already stopped
        }
    }

    private static EmbeddedPostgres start(Path pgData) throws IOException {
        Files.createDirectories(pgData);
        return EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false).start();
    }

    private static ProcessHandle postmaster(Path pgData) throws IOException {
        long pid = Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).trim());
        return ProcessHandle.of(pid).orElseThrow();
    }
}
