package com.plumbline.intake.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Other features keep their own sections in the rules file, reloaded and checked with it. */
class RulesSectionTest {

    record Greeting(String text, Integer repeat) {
    }

    private static final RulesSection<Greeting> GREETING = RulesSection.of("greeting", Greeting.class,
            g -> g.text() == null || g.text().isBlank() ? List.of("text: must not be empty") : List.of());

    @TempDir
    Path dir;

    private Path rulesFile;
    private String original;
    private RulesBook rulesBook;

    @BeforeEach
    void rulesWithAGreeting() throws IOException {
        rulesFile = dir.resolve("rules.yaml");
        original = Files.readString(TestRules.RULES_FILE);
        Files.writeString(rulesFile, original + "\ngreeting:\n  text: hello\n  repeat: 2\n");
        rulesBook = new RulesBook(rulesFile);
    }

    @Test
    void sectionIsReadWhenRegisteredAndFollowsReloads() throws IOException {
        Supplier<Greeting> greeting = rulesBook.register(GREETING);
        assertThat(greeting.get()).isEqualTo(new Greeting("hello", 2));

        edit(original + "\ngreeting:\n  text: hola\n");

        assertThat(rulesBook.reloadIfChanged().status()).isEqualTo(ReloadResult.Status.RELOADED);
        assertThat(greeting.get()).isEqualTo(new Greeting("hola", null));
    }

    @Test
    void invalidSectionRejectsTheWholeFileAndKeepsThePreviousVersion() throws IOException {
        Supplier<Greeting> greeting = rulesBook.register(GREETING);
        MessageClassifier classifier = new MessageClassifier(rulesBook);
        Instant open = Instant.parse("2026-03-10T15:00:00Z");

        edit(original.replace("      - water everywhere\n", "      - water everywhere\n      - geyser\n")
                + "\ngreeting:\n  text: ''\n");

        ReloadResult result = rulesBook.reloadIfChanged();
        assertThat(result.status()).isEqualTo(ReloadResult.Status.REJECTED);
        assertThat(result.message()).contains("greeting.text: must not be empty");
        assertThat(greeting.get().text()).isEqualTo("hello");
        assertThat(classifier.classify("there is a geyser in my yard", open, 0).priority()).isEqualTo(Priority.LOW);
    }

    @Test
    void wrongTypeIsReportedWithItsKeyAndLine() throws IOException {
        edit(original + "\ngreeting:\n  text: hi\n  repeat: often\n");

        assertThatThrownBy(() -> rulesBook.register(GREETING))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining("greeting.repeat")
                .hasMessageContaining("line");
    }

    private void edit(String content) throws IOException {
        Files.writeString(rulesFile, content);
        // a later modification time, even on file systems with coarse timestamps
        Files.setLastModifiedTime(rulesFile, FileTime.from(Instant.now().plusSeconds(5)));
    }
}
