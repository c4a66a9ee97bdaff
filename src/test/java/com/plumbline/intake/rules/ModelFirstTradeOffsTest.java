package com.plumbline.intake.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hand-written look-alikes and shapes that the model-first decision (the model leads where the rules read no
 * context; see {@link MessageClassifier}) reads differently from their label, moved here from the tests named in
 * the last column so that the trade-off is listed, not hidden. The decision was chosen on unseen writing (sets j
 * and k scored with the rules and model of the day each was blind, then blind set l: bench/RESULTS-classifier.md),
 * where it read more messages right than these rows cost. Each row pins both readings: the rules alone still read
 * the label (the family they were written for works), and the classifier reads what the last-but-one column says.
 * When a change makes a row read its label again with rules and model, move it back to its test.
 * No row is an emergency read below HIGH; the misreads are one step too high or too low, or a service type.
 * model14 (bench/RESULTS-classifier.md): with its model settings and set l trained on, three rows read their label
 * again and went back to their tests (a wet patch that never dries, the water heater still dripping into the pan, the
 * running toilet for a mother on blood thinners). The model's priority now also wins where the rules read context when
 * it is sure (MessageClassifier.MODEL_OVER_CONTEXT, never above HIGH): the last four rows, one a settled flood read LOW
 * (two steps low; on sets j, k and l that change put no emergency below HIGH).
 * decide15 (bench/RESULTS-classifier.md): the model's sure EMERGENCY now raises an alert beside an emergency cue the
 * rules read context around, and a rules EMERGENCY is only a HIGH floor when the model is very sure of another reading;
 * no row changed by that. With sets m and n trained on, one row read its label again and went back to its test (the
 * shower head that sprays in every direction, MEDIUM).
 * model16 (word triples, 36 epochs, the labelled sets weighted 3x; bench/RESULTS-classifier.md): four rows read their
 * label again and went back to their tests (the spigot that drips when off, GENERAL; the soggy patch that never dries,
 * MEDIUM; the follow-up on a dripping tub spout, LOW; "basement was flooding, it stopped", HIGH); the last eight rows
 * are new (it read more of sets m, n, j and k right, 1266 -> 1280 of 1367), and so is the one row of
 * listedTradeOffsTheRulesAloneMissToo (the sprinkler heads: the rules alone read it LOW, the classifier EMERGENCY). One is a false alert (sprinkler heads spraying the
 * sidewalk, two steps high) and one an emergency kept at HIGH (a sewage smell through the whole house, in Spanish).
 * model16b (the same training, a labelled set's weight now one longer step instead of three copies, 48 epochs with the
 * step halved at epoch 12; bench/RESULTS-classifier.md): three rows read their label again and went back to their tests
 * (new flooring and a toilet reset, LOW; the running toilet for a mother on blood thinners, MEDIUM; "never mind about
 * the gas smell ... the kitchen sink is clogged", MEDIUM / DRAIN_CLEANING).
 * model17 (sets o and p trained on; the model's MEDIUM over a rules HIGH and its reading over a rules EMERGENCY when
 * sure; bench/RESULTS-classifier.md): four rows read their label again and went back to their tests (the septic yard,
 * HIGH; the thud in the wall, MEDIUM; the garage pipe frozen, HIGH; the slow garage ceiling drip, MEDIUM); the garage tap
 * now reads MEDIUM (was HIGH); the last six rows are new (four from training on o and p alone, two from the decision:
 * the sink pipe leaking into a bowl and the hall toilet bubbling the shower drain, HIGH -> MEDIUM).
 * model18 (set q trained on; bench/RESULTS-classifier.md): one row read its label again and went back to its test (new
 * flooring and a toilet reset, LOW).
 * model19 (set r trained on; bench/RESULTS-classifier.md): one row read its label again and went back to its test ("any
 * update? still no water at all in the house", LOW); the last three rows are new, from training on r alone (the
 * septic yard and the garage pipe frozen with nobody vulnerable, HIGH -> EMERGENCY: false alerts, one step high; new
 * flooring and a toilet reset, LOW -> MEDIUM).
 * model22 (sets s, t, u, v trained on; a retraction with a new problem after it only yields to a model >= 0.95 sure, the
 * model's unsure HIGH (< 0.6) no longer raises a named MEDIUM repair; bench/RESULTS-classifier.md): six rows read their
 * label again and went back to their tests ("baño tapado", TOILET_REPAIR; the running toilet for a mother on blood
 * thinners, MEDIUM; the toilet supply line dripping with its little valve off, MEDIUM; the septic yard with the toilets
 * fine, HIGH; new flooring and a toilet reset, LOW; and the sprinkler heads spraying the sidewalk, MEDIUM, the one row
 * of listedTradeOffsTheRulesAloneMissToo, removed with it: the rules alone still read it LOW, rules + model its label).
 * model32 (the model's EMERGENCY where the rules read none and no cue only from 0.5 sure, else HIGH and flagged): three rows
 * read their label again and went back to their tests (the garage pipe leaking steady into a tote, the water heater's
 * tank rotted through and seeping, the furnace's vent pipe disconnected: HIGH, each an unsure EMERGENCY of the model).
 * model36 (the model also trained on sets w to as, 23 more files written to BLIND-SET.md: each of the twenty blind ones
 * held out in turn read 6,653 of 6,997 right against 6,578 without them, bench/RESULTS-classifier.md): two rows read their
 * label again and went back to their test (the sump pump working as it should, LOW; the laundry sink not draining since
 * yesterday, MEDIUM); the last twelve rows are new. Ten are one step high (a follow-up on no water, a corroded valve, a
 * loose dishwasher line and a cracked meter box lid asked as work, MEDIUM; the water heater dripping into its pan after
 * it was shut off, the toilet supply line dripping with its valve off, sulphur in the hot water only and a cup-a-day drip
 * into a bucket, HIGH; the furnace's vent pipe off and a toilet overflowing onto the floor, EMERGENCY), one a service
 * type (a faucet dripping all night, LEAK_DETECTION), and one an emergency kept at HIGH (the pipe still spraying with the
 * water turned off: the model is sure it is HIGH; it still alerts at once).
 * model37 (the model also trained on sets at to aw: each of the four held out in turn read 1,338 of 1,399 right,
 * against 1,331 for model36, which had seen none of them; bench/RESULTS-classifier.md): one row read its label again
 * and went back to its test (the flush handle that came off, TOILET_REPAIR); the last two rows are new, one step low
 * (water heard in the wall with the baseboard softening, MEDIUM) and one step high (dark tap water after the city's work
 * on the main, MEDIUM), and so is the one row of listedTradeOffsTheRulesAloneMissToo (the sprinkler heads spraying the
 * sidewalk, which the rules alone read LOW, now read LOW with the model too, one step low). None is an emergency.
 */
class ModelFirstTradeOffsTest {

    private static final Instant OFFICE_HOURS = Instant.parse("2026-03-10T15:00:00Z");

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            the meter keeps spinning even with every tap closed                                                  | priority | MEDIUM         | HIGH           | GeneralisationTest.everydayFaultsInTheirOwnWordsGetTheirPriority
            I can hear a hissing noise behind the wall in the laundry room                                       | priority | MEDIUM         | EMERGENCY      | GeneralisationTest.everydayFaultsInTheirOwnWordsGetTheirPriority
            water dripping from the ceiling and spreading across the drywall                                     | priority | HIGH           | EMERGENCY      | SignalsAndSafetyTest.escapingOrWorseningWaterIsAtLeastHigh
            false alarm on the flooding, it was just the kids. the toilet is still running                       | priority | MEDIUM         | LOW            | GeneralisationTest.aRetractionTakesBackOnlyItsOwnPartOfTheMessage
            no leak anymore                                                                                      | priority | LOW            | MEDIUM         | NegationAndResolutionTest.noLeakAnymoreIsNotAnEmergencyNorALeak
            whole yard smells like a septic tank                                                                 | priority | HIGH           | EMERGENCY      | GeneralisationTest.aSewageSmellOutsideIsTheLineAndOneInsideAnEmergency
            hay olor a drenaje en toda la casa                                                                   | priority | EMERGENCY      | HIGH           | GeneralisationTest.dangerShapesFromTheEleventhDevelopmentSet
            the garage tap runs a thin stream even when it is closed                                             | priority | LOW            | MEDIUM           | GeneralisationTest.waterOutOfATapAndThingsThatAlreadyStoppedAreNotUrgent
            the propane tank by the house is making a weird noise                                                | priority | HIGH           | EMERGENCY      | SignalsAndSafetyTest.lowConfidenceWithAnEmergencyCueIsAtLeastHighAndFlagged
            when we flush the hall toilet the shower drain bubbles up | priority | HIGH | MEDIUM | GeneralisationTest.dangerShapesFromTheThirdDevelopmentSet
            the sink pipe is leaking, I put a bowl under it and towels down | priority | HIGH | MEDIUM | GeneralisationTest.everydayFaultsInTheirOwnWordsGetTheirPriority
            the pipe to the garage froze, no water out there, it's 26 degrees and none of us are elderly or sick | priority | HIGH | EMERGENCY | GeneralisationTest.lookAlikesOfTheSeventhPassShapesKeepTheirPriority
            any update? still no water at all in the house                                                       | priority | LOW            | HIGH           | GeneralisationTest.aFollowUpWithNothingNewIsLowButAWorseOneKeepsItsPriority
            I went up there and shut it off, the water heater is still dripping a little into the pan            | priority | MEDIUM         | HIGH           | GeneralisationTest.lookAlikesOfTheTenthPassShapesKeepTheirPriority
            the valve under the bathroom sink is corroded, can you replace it while you're here next week        | priority | LOW            | MEDIUM         | GeneralisationTest.lookAlikesOfTheNinthPassShapesKeepTheirPriority
            I think the line to the dishwasher is loose, is that something you fix?                              | priority | LOW            | MEDIUM         | GeneralisationTest.aLooseLineOrAGurgleBelowKeepsItsPriority
            the vent pipe on the furnace is disconnected                                                         | priority | HIGH           | EMERGENCY      | GeneralisationTest.dangerShapesFromTheSecondDevelopmentSet
            the bathroom faucet drips all night                                                                  | service  | GENERAL        | LEAK_DETECTION | GeneralisationTest.fixtureDripsAndTheWaterHeaterItselfTakeTheirServiceType
            the meter box lid is cracked, can you replace it                                                     | priority | LOW            | MEDIUM         | GeneralisationTest.lookAlikesOfTheEleventhPassShapesKeepTheirPriority
            the toilet supply line is dripping, I turned the little valve off under it                           | priority | MEDIUM         | HIGH           | GeneralisationTest.everydayFaultsInTheirOwnWordsGetTheirPriority
            the hot water smells like sulfur but there is no smell in the house                                  | priority | MEDIUM         | HIGH           | GeneralisationTest.lookAlikesOfTheSeventhPassShapesKeepTheirPriority
            slow drip from the ceiling in the garage, about a cup a day, bucket under it                         | priority | MEDIUM         | HIGH           | GeneralisationTest.lookAlikesOfTheEighthPassShapesKeepTheirPriority
            I turned off the water but the pipe is still spraying                                                | priority | EMERGENCY      | HIGH           | SignalsAndSafetyTest.lookAlikesStayCalm
            toilet is overflowing onto the floor                                                                 | priority | HIGH           | EMERGENCY      | SignalsAndSafetyTest.escapingOrWorseningWaterIsAtLeastHigh
            I hear water running in the wall and the baseboard is getting softer every day                       | priority | HIGH           | MEDIUM         | GeneralisationTest.dangerShapesFromTheEighthDevelopmentSet
            the water from the tap is dark after the city worked on the main                                     | priority | LOW            | MEDIUM         | GeneralisationTest.lookAlikesOfTheEleventhPassShapesKeepTheirPriority
            """)
    void listedTradeOffs(String text, String aspect, String labelled, String modelFirst, String movedFrom) {
        Classification rules = TestRules.rulesOnly().classify(text, OFFICE_HOURS, 0);
        Classification both = TestRules.classifier().classify(text, OFFICE_HOURS, 0);
        if (aspect.equals("priority")) {
            assertThat(rules.priority()).as("rules alone").isEqualTo(Priority.valueOf(labelled));
            assertThat(both.priority()).as("rules + model").isEqualTo(Priority.valueOf(modelFirst));
        } else {
            assertThat(rules.serviceType()).as("rules alone").isEqualTo(ServiceType.valueOf(labelled));
            assertThat(both.serviceType()).as("rules + model").isEqualTo(ServiceType.valueOf(modelFirst));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            the sprinkler heads in the front spray onto the sidewalk, can you fix them | MEDIUM | LOW | LOW | GeneralisationTest.lookAlikesOfTheFifthPassShapesKeepTheirPriority
            """)
    void listedTradeOffsTheRulesAloneMissToo(String text, String labelled, String rulesAlone, String modelFirst, String movedFrom) {
        assertThat(Priority.valueOf(labelled)).isNotEqualTo(Priority.valueOf(modelFirst));
        assertThat(TestRules.rulesOnly().classify(text, OFFICE_HOURS, 0).priority()).as("rules alone")
                .isEqualTo(Priority.valueOf(rulesAlone));
        assertThat(TestRules.classifier().classify(text, OFFICE_HOURS, 0).priority()).as("rules + model")
                .isEqualTo(Priority.valueOf(modelFirst));
    }
}
