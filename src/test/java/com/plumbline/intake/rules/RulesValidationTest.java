package com.plumbline.intake.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Each mistake an integrator can make in config/rules.yaml is reported with its key. */
class RulesValidationTest {

    @TempDir
    Path dir;

    @Test
    void theShippedRulesAreValid() {
        assertThat(new RulesBook(TestRules.RULES_FILE).file()).isEqualTo(TestRules.RULES_FILE);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `  HIGH:\n    keywords:\n      - no water\n`      | `  URGENT:\n    keywords:\n      - no water\n`      | priorities.URGENT: unknown priority 'URGENT'
            `  TOILET_REPAIR:\n`                                | `  TOILETS:\n`                                      | serviceTypes.TOILETS: unknown service type
            `timeZone: America/Chicago`                         | `timeZone: America/Springfield`                     | businessHours.timeZone: unknown time zone 'America/Springfield'
            `MONDAY: "07:00-18:00"`                             | `MONDAY: "7am to 6pm"`                              | businessHours.week.MONDAY: '7am to 6pm' is not
            `TUESDAY: "07:00-18:00"`                            | `TUESDAY: "18:00-07:00"`                            | businessHours.week.TUESDAY: '18:00-07:00' closes before it opens
            `MONDAY: "07:00-18:00"`                             | `MONDAY: "25:00-26:00"`                             | businessHours.week.MONDAY
            `    - "12-25"`                                     | `    - "13-45"`                                     | businessHours.holidays[6]: '13-45' is not a date
            `    - last MONDAY of MAY`                          | `    - last MONDAY of MAYO`                         | businessHours.holidays[1]: 'last MONDAY of MAYO' is not a date
            `EMERGENCY: { respondWithin: 30m,`                  | `EMERGENCY: { respondWithin: soon,`                 | sla.EMERGENCY.respondWithin: bad duration 'soon'
            `LOW:       { respondWithin: 4h,  clock: businessHours }` | `LOW:       { respondWithin: 4h,  clock: officeHours }` | sla.LOW.clock: unknown clock 'officeHours'
            `    keywords: [water heater, hot water heater`     | `    keywrods: [water heater, hot water heater`     | serviceTypes.WATER_HEATER.keywrods: unknown key 'keywrods'
            `  raisePriority: {}`                               | `  raisePriority: { MEDIUM: SUPER }`               | afterHours.raisePriority.MEDIUM: unknown priority 'SUPER'
            `    sewage: [sewage, sewer, septic, raw sewage, aguas negras, poop]` | `    sewage: []`              | resolution.topics.sewage: no words
            `  topicWindow: 4`                                  | `  topicWindow: 0`                                  | resolution.topicWindow
            `      - [[$severalDrains],`                     | `      - [[$severalDrain],`                      | no list named 'severalDrain' under lists
            `  whileInUse: [when its on,`                       | `  whileInUse: when its on\n  spare: [when its on,` | lists.whileInUse: not a list of words
            `lists:\n`                                         | `spareLists:\n`                                    | under lists (known: [])
            `  DRAIN_CLEANING:\n    keywords: [drain, drains, clogged drain, garbage disposal, disposal, snake, drenaje, desague, drano]` | `  DRAIN_CLEANING:\n    keywords: []` | serviceTypes.DRAIN_CLEANING.keywords: empty keyword list
            """)
    void mistakeIsReportedWithItsKey(String original, String replacement, String expectedMessage) throws IOException {
        Path file = writeRulesWith(original.replace("\\n", "\n"), replacement.replace("\\n", "\n"));
        assertThatThrownBy(() -> new RulesBook(file))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining(expectedMessage);
    }

    @Test
    void aSharedListStandsForItsWordsWhereverItIsNamed() throws IOException {
        String rules = Files.readString(TestRules.RULES_FILE);
        int start = rules.indexOf("  whileInUse: [") + "  whileInUse: [".length();
        String words = rules.substring(start, rules.indexOf(']', start));
        assertThat(rules).contains("$whileInUse,");
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, rules.replace("$whileInUse,", words + ","));
        MessageClassifier written = new MessageClassifier(new RulesBook(file));
        java.time.Instant at = java.time.Instant.parse("2026-03-10T15:00:00Z");
        for (String text : java.util.List.of("the hose bib sprays out the side when it runs, fine when off",
                "water is spraying out of the wall behind the washer and I cant find the shutoff")) {
            Classification shared = TestRules.rulesOnly().classify(text, at, 0);
            Classification inline = written.classify(text, at, 0);
            assertThat(inline.priority()).as(text).isEqualTo(shared.priority());
            assertThat(inline.matchedKeywords()).as(text).isEqualTo(shared.matchedKeywords());
        }
        assertThat(TestRules.rulesOnly().classify("the hose bib sprays out the side when it runs, fine when off", at, 0)
                .priority()).isNotEqualTo(Priority.EMERGENCY);
    }

    @Test
    void emptyPriorityIsReported() throws IOException {
        String rules = Files.readString(TestRules.RULES_FILE);
        int start = rules.indexOf("  LOW:\n    keywords:");
        int end = rules.indexOf("\n\n", start);
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, rules.substring(0, start) + "  LOW:\n    keywords: []" + rules.substring(end));
        assertThatThrownBy(() -> new RulesBook(file))
                .hasMessageContaining("priorities.LOW: needs keywords or combinations, both are empty");
    }

    @Test
    void everyProblemIsListedAtOnce() throws IOException {
        Path file = writeRulesWith("timeZone: America/Chicago", "timeZone: Nowhere/Land");
        String rules = Files.readString(file).replace("respondWithin: 1h,", "respondWithin: 1 hour,");
        Files.writeString(file, rules);
        assertThatThrownBy(() -> new RulesBook(file))
                .isInstanceOfSatisfying(InvalidRulesException.class,
                        e -> assertThat(e.problems()).hasSize(2));
    }

    private Path writeRulesWith(String original, String replacement) throws IOException {
        String rules = Files.readString(TestRules.RULES_FILE);
        assertThat(rules).as("test fixture must exist in config/rules.yaml").contains(original);
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, rules.replaceFirst(java.util.regex.Pattern.quote(original),
                java.util.regex.Matcher.quoteReplacement(replacement)));
        return file;
    }
}
