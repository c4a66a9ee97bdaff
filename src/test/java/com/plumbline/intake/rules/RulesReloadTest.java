package com.plumbline.intake.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesReloadTest {

    private static final Instant OPEN = Instant.parse("2026-03-10T15:00:00Z");
    private static final String NEW_WORD_MESSAGE = "there is a geyser in my yard";

    @TempDir
    Path dir;

    private Path rulesFile;
    private RulesBook rulesBook;
    private MessageClassifier classifier;

    @BeforeEach
    void copyRules() throws IOException {
        rulesFile = dir.resolve("rules.yaml");
        Files.copy(TestRules.RULES_FILE, rulesFile);
        rulesBook = new RulesBook(rulesFile);
        classifier = new MessageClassifier(rulesBook);
    }

    @Test
    void unchangedFileIsNotReloaded() {
        assertThat(rulesBook.reloadIfChanged().status()).isEqualTo(ReloadResult.Status.UNCHANGED);
    }

    @Test
    void addedKeywordTakesEffectAfterReload() throws IOException {
        assertThat(classifier.classify(NEW_WORD_MESSAGE, OPEN, 0).priority()).isEqualTo(Priority.LOW);

        edit(original().replace("      - water everywhere\n", "      - water everywhere\n      - geyser\n"));

        assertThat(rulesBook.reloadIfChanged().status()).isEqualTo(ReloadResult.Status.RELOADED);
        assertThat(classifier.classify(NEW_WORD_MESSAGE, OPEN, 0).priority()).isEqualTo(Priority.EMERGENCY);
        assertThat(rulesBook.reloadIfChanged().status()).isEqualTo(ReloadResult.Status.UNCHANGED);
    }

    @Test
    void invalidFileIsRejectedWithTheKeyAndOldRulesStay() throws IOException {
        edit(original().replace("HIGH:      { respondWithin: 1h,", "HIGH:      { respondWithin: one hour,"));

        ReloadResult result = rulesBook.reloadIfChanged();

        assertThat(result.status()).isEqualTo(ReloadResult.Status.REJECTED);
        assertThat(result.message()).contains("sla.HIGH.respondWithin").contains("one hour");
        assertThat(classifier.classify("basement flooding", OPEN, 0).priority()).isEqualTo(Priority.EMERGENCY);
        assertThat(classifier.classify("no hot water", OPEN, 0).responseDue()).isEqualTo(OPEN.plusSeconds(3600));
    }

    @Test
    void brokenYamlIsRejectedAndAFixedFileIsThenAccepted() throws IOException {
        edit(original() + "\n  this: [is not: valid\n");
        assertThat(rulesBook.reloadIfChanged().status()).isEqualTo(ReloadResult.Status.REJECTED);

        edit(original().replace("      - water everywhere\n", "      - water everywhere\n      - geyser\n"));
        assertThat(rulesBook.reloadIfChanged().status()).isEqualTo(ReloadResult.Status.RELOADED);
        assertThat(classifier.classify(NEW_WORD_MESSAGE, OPEN, 0).priority()).isEqualTo(Priority.EMERGENCY);
    }

    @Test
    void deletedFileIsRejectedAndOldRulesStay() throws IOException {
        Files.delete(rulesFile);
        assertThat(rulesBook.reloadIfChanged().status()).isEqualTo(ReloadResult.Status.REJECTED);
        assertThat(classifier.classify("basement flooding", OPEN, 0).priority()).isEqualTo(Priority.EMERGENCY);
    }

    @Test
    void unknownTopLevelSectionsAreIgnored() throws IOException {
        edit(original() + "\nstaff:\n  - name: Dana\n    phone: \"+15125550100\"\nnotifications: {email: true}\n");
        assertThat(rulesBook.reloadIfChanged().status()).isEqualTo(ReloadResult.Status.RELOADED);
    }

    private String original() throws IOException {
        return Files.readString(TestRules.RULES_FILE);
    }

    /** Writes and moves the modification time forward, so coarse file-system clocks cannot hide the edit. */
    private void edit(String content) throws IOException {
        FileTime before = Files.exists(rulesFile) ? Files.getLastModifiedTime(rulesFile) : FileTime.fromMillis(0);
        Files.writeString(rulesFile, content);
        Files.setLastModifiedTime(rulesFile, FileTime.fromMillis(before.toMillis() + 2_000));
    }
}
