package com.plumbline.intake.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the learned model is trained and where it may decide (issue 19: the model beside the rules, safety wins). */
class LearnedModelTest {

    private static final List<String> SHIPPED = TestRules.MODEL.training();

    private static Classification classify(MessageClassifier classifier, String text) {
        return classifier.classify(text, Scorecard.OFFICE_HOURS, 0);
    }

    @Test
    void staffCorrectionsInTheTrainingFolderAreLearnedAtStartUp(@TempDir Path folder) throws Exception {
        // a word no rule and no shipped example knows, taught by corrections only
        String unknown = "the quorbel in the utility room is making the quorbel noise again";
        StringBuilder csv = new StringBuilder("\"text\",\"priority\",\"service_type\"\n");
        for (String room : List.of("garage", "attic", "basement", "kitchen", "hall", "closet", "porch", "yard")) {
            csv.append("\"our quorbel in the ").append(room).append(" is doing the quorbel thing\",\"HIGH\",\"WATER_HEATER\"\n");
        }
        Files.writeString(folder.resolve("corrections-2026-12.csv"), csv);
        Files.writeString(folder.resolve("notes.txt"), "not a csv: ignored");

        MessageClassifier without = new MessageClassifier(TestRules.rules(), new ModelProperties(true, SHIPPED, folder.resolve("none"), null));
        MessageClassifier with = new MessageClassifier(TestRules.rules(), new ModelProperties(true, SHIPPED, folder, null));

        assertThat(TestRules.rulesOnly().classify(unknown, Scorecard.OFFICE_HOURS, 0).matchedKeywords()).isEmpty();
        assertThat(classify(without, unknown).serviceType()).isNotEqualTo(ServiceType.WATER_HEATER);
        Classification learned = classify(with, unknown);
        assertThat(learned.serviceType()).isEqualTo(ServiceType.WATER_HEATER);
        assertThat(learned.priority()).isEqualTo(Priority.HIGH);
        assertThat(learned.matchedKeywords()).contains("model: HIGH");
    }

    @Test
    void aMalformedTrainingFileStopsTheStartUpNamingIt(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("bad.csv"), "\"text\",\"priority\",\"service_type\"\n\"leak\",\"URGENT\",\"GENERAL\"\n");
        assertThatThrownBy(() -> new MessageClassifier(TestRules.rules(), new ModelProperties(true, SHIPPED, folder, null)).run(null))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("bad.csv")
                .hasMessageContaining("URGENT");
    }

    @Test
    void whereTheRulesAreSureTheModelChangesNothing() {
        for (String text : List.of("Pipe burst in the laundry room, water spraying everywhere!!!",
                "kitchen sink is clogged and wont drain", "false alarm, the water was from the hose outside",
                "no leak anymore, all fixed, thanks")) {
            Classification rules = classify(TestRules.rulesOnly(), text);
            Classification both = classify(TestRules.classifier(), text);
            assertThat(both.priority()).as(text).isEqualTo(rules.priority());
            assertThat(both.serviceType()).as(text).isEqualTo(rules.serviceType());
            assertThat(both.retraction()).as(text).isEqualTo(rules.retraction());
        }
    }

    @Test
    void theModelDecidesWhereTheRulesAreSilent() {
        // no rule word at all, but plainly a job for a plumber: the rules say LOW, the model does not
        String text = "hey can you guys come take a look at the thing under the bathroom sink, it keeps getting the cabinet wet";
        Classification rules = classify(TestRules.rulesOnly(), text);
        Classification both = classify(TestRules.classifier(), text);
        assertThat(rules.priority()).isEqualTo(Priority.LOW);
        assertThat(both.priority()).isNotEqualTo(Priority.LOW);
        assertThat(both.matchedKeywords()).anyMatch(k -> k.startsWith("model: "));
        // the confidence stays the rules': they were unsure
        assertThat(both.confidence()).isEqualTo(rules.confidence());
    }

    @Test
    void anEmergencyCueTheRulesAreUnsureOfStaysAtHighAtLeastAndFlagged() {
        String text = "not an emergency really but water is pouring out of the wall and I can't find the shutoff";
        Classification both = classify(TestRules.classifier(), text);
        assertThat(both.priority()).isIn(Priority.EMERGENCY, Priority.HIGH);
        assertThat(both.needsReview()).isTrue();
    }

    @Test
    void theModelKeepsQuietOnNoise() {
        Classification noise = classify(TestRules.classifier(), "xqzv plorth vvvmmm krrrt zzzbq 8823 jjhh");
        assertThat(noise.priority()).isEqualTo(Priority.LOW);
        assertThat(noise.matchedKeywords()).isEmpty();
    }

    @Test
    void thePriorityHeadAloneReadsAsBothHeadsDo() {
        // the classifier skips the service head where the rules are sure of the service: the priorities must not move
        LearnedModel model = LearnedModel.load(TestRules.rules(), TestRules.MODEL);
        CompiledRules rules = TestRules.rules().current();
        for (String text : List.of("the thing under the bathroom sink keeps getting the cabinet wet",
                "water heater making a loud banging noise and the relief valve drips", "xqzv plorth vvvmmm", "")) {
            TextNormaliser.Tokens tokens = rules.normaliser().tokenize(text);
            TextModel.Prediction both = model.predict(rules, tokens, text, true);
            TextModel.Prediction priorityAlone = model.predict(rules, tokens, text, false);
            assertThat(priorityAlone.priorities()).as(text).containsExactly(both.priorities());
            assertThat(priorityAlone.known()).as(text).isEqualTo(both.known());
            assertThat(priorityAlone.services()).as(text).isNull();
            assertThat(both.services()).as(text).hasSize(ServiceType.values().length);
        }
    }

    @Test
    void disabledMeansTheRulesAlone() {
        MessageClassifier off = new MessageClassifier(TestRules.rules(), new ModelProperties(false, SHIPPED, null, null));
        String text = "hey can you guys come take a look at the thing under the bathroom sink, it keeps getting the cabinet wet";
        assertThat(classify(off, text)).isEqualTo(classify(TestRules.rulesOnly(), text));
    }

    private static final String QUORBEL = "the quorbel in the laundry room is doing the quorbel thing again";

    /**
     * The model's EMERGENCY where the rules read none and see no emergency cue raises the alert only when the model is
     * sure (MODEL_EMERGENCY_ALONE); unsure, the message is HIGH and flagged for review. Staff corrections teach a word no
     * rule knows, one message per letter of {@code labels} (E, H, M, L): the first mix whose model reads EMERGENCY
     * unsure is used (training is deterministic, the search only keeps the test from hanging on one mix).
     */
    @Test
    void theModelsUnsureEmergencyWhereTheRulesReadNoneIsHighAndFlagged(@TempDir Path folder) throws Exception {
        assertThat(TestRules.rulesOnly().classify(QUORBEL, Scorecard.OFFICE_HOURS, 0).matchedKeywords()).isEmpty();
        LearnedModel unsure = null;
        for (String labels : List.of("EEEEHHHMMMM", "EEEEEHHHHMMMLL", "EEEEHHHMMM", "EEEEEHHHHMMMM")) {
            LearnedModel model = taughtQuorbel(folder.resolve(labels), labels);
            TextModel.Prediction read = model.predict(QUORBEL);
            if (read.priority() == Priority.EMERGENCY && read.priorityProbability() < MessageClassifier.MODEL_EMERGENCY_ALONE) {
                unsure = model;
                break;
            }
        }
        assertThat(unsure).as("a model reading EMERGENCY below %s", MessageClassifier.MODEL_EMERGENCY_ALONE).isNotNull();

        Classification both = classify(new MessageClassifier(TestRules.rules(), unsure), QUORBEL);
        assertThat(both.priority()).isEqualTo(Priority.HIGH);
        assertThat(both.needsReview()).isTrue();
        assertThat(both.reviewReason()).contains("possible emergency");
    }

    @Test
    void theModelsSureEmergencyWhereTheRulesReadNoneRaisesTheAlert(@TempDir Path folder) throws Exception {
        LearnedModel sure = taughtQuorbel(folder, "EEEEEEEE");
        assertThat(sure.predict(QUORBEL).priorityProbability()).isGreaterThanOrEqualTo(MessageClassifier.MODEL_EMERGENCY_ALONE);
        assertThat(classify(new MessageClassifier(TestRules.rules(), sure), QUORBEL).priority()).isEqualTo(Priority.EMERGENCY);
    }

    private static LearnedModel taughtQuorbel(Path folder, String labels) throws Exception {
        List<String> rooms = List.of("garage", "attic", "basement", "kitchen", "hall", "closet", "porch", "yard", "den",
                "office", "pantry", "shed", "loft", "foyer");
        StringBuilder csv = new StringBuilder("\"text\",\"priority\",\"service_type\"\n");
        for (int i = 0; i < labels.length(); i++) {
            String priority = switch (labels.charAt(i)) {
                case 'E' -> "EMERGENCY";
                case 'H' -> "HIGH";
                case 'M' -> "MEDIUM";
                default -> "LOW";
            };
            csv.append("\"the quorbel in the ").append(rooms.get(i)).append(" is doing the quorbel thing\",\"")
                    .append(priority).append("\",\"GENERAL\"\n");
        }
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("corrections-2026-12.csv"), csv);
        return LearnedModel.load(TestRules.rules(), new ModelProperties(true, SHIPPED, folder, null));
    }
}
