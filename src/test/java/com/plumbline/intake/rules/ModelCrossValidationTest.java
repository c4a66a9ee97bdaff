package com.plumbline.intake.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Honest figures for the rules + model classifier on the labelled files it is trained from: every message
 * is scored by a model that never saw it. Two splits: 10-fold over the shipped files pooled, and one file
 * held out at a time (trained on all the others: messages by another writer, the nearest thing to a
 * blind set). The rules were tuned on the first twelve files (not on sets l-q), so the rules-alone column here measures fit, not
 * generalisation. Reports go to target/model-cross-validation.txt (copied into bench/RESULTS-classifier.md).
 */
class ModelCrossValidationTest {

    /** The shipped training files (file names), as the application trains on them. */
    static final List<String> TRAINING = TestRules.MODEL.training().stream()
            .map(resource -> resource.substring(resource.lastIndexOf('/') + 1)).toList();
    static final int FOLDS = 10;

    record Labelled(String set, CorpusCsv.Row row) {
    }

    static final List<Labelled> ALL = new ArrayList<>();

    @BeforeAll
    static void read() throws Exception {
        if (ALL.isEmpty()) {
            for (String set : TRAINING) {
                CorpusCsv.read("/classification/" + set).forEach(row -> ALL.add(new Labelled(set, row)));
            }
        }
    }

    /** Results in the order of {@code ALL}, with the rules and of the model alone, from the same models. */
    record Scored(List<Classification> withRules, List<Classification> alone) {
    }

    /** Each message classified through a model trained without its fold; the folds side by side on the cores. */
    static Scored crossValidated(int[] foldOf, int folds) {
        TextNormaliser normaliser = TestRules.rules().current().normaliser();
        Classification[] withRules = new Classification[ALL.size()];
        Classification[] alone = new Classification[ALL.size()];
        IntStream.range(0, folds).parallel().forEach(fold -> {
            List<LearnedModel.Weighted> training = new ArrayList<>();
            for (int i = 0; i < ALL.size(); i++) {
                if (foldOf[i] != fold) {
                    CorpusCsv.Row r = ALL.get(i).row();
                    // weighted as the application trains (LearnedModel.weightOf: the labelled sets count 3x)
                    training.add(new LearnedModel.Weighted(new LabelledCsv.Example(r.line(), r.text(), r.priority(), r.serviceType()),
                            LearnedModel.weightOf(ALL.get(i).set())));
                }
            }
            LearnedModel model = LearnedModel.train(normaliser, training, TextModel.Settings.DEFAULT);
            Function<String, Classification> rulesAndModel = withRules(model);
            Function<String, Classification> modelAlone = alone(model);
            for (int i = 0; i < ALL.size(); i++) {
                if (foldOf[i] == fold) {
                    withRules[i] = rulesAndModel.apply(ALL.get(i).row().text());
                    alone[i] = modelAlone.apply(ALL.get(i).row().text());
                }
            }
        });
        return new Scored(Arrays.asList(withRules), Arrays.asList(alone));
    }

    /** The rules with the model beside them, as the service classifies. */
    static Function<String, Classification> withRules(LearnedModel model) {
        MessageClassifier classifier = new MessageClassifier(TestRules.rules(), model);
        return text -> classifier.classify(text, Scorecard.OFFICE_HOURS, 0);
    }

    /** The model alone, for comparison (no rules, no safety floor). */
    static Function<String, Classification> alone(LearnedModel model) {
        return text -> {
            TextModel.Prediction p = model.predict(text);
            return new Classification(p.priority(), p.serviceType(), List.of(), 0, 0, false,
                    p.priorityProbability(), Scorecard.OFFICE_HOURS, "en");
        };
    }

    static int[] kFolds(int folds) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ALL.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(19));
        int[] foldOf = new int[ALL.size()];
        for (int p = 0; p < order.size(); p++) {
            foldOf[order.get(p)] = p % folds;
        }
        return foldOf;
    }

    static int[] bySet() {
        int[] foldOf = new int[ALL.size()];
        for (int i = 0; i < ALL.size(); i++) {
            foldOf[i] = TRAINING.indexOf(ALL.get(i).set());
        }
        return foldOf;
    }

    static Scorecard card(List<Classification> results, String set) {
        List<CorpusCsv.Row> rows = new ArrayList<>();
        List<Classification> mine = new ArrayList<>();
        for (int i = 0; i < ALL.size(); i++) {
            if (set == null || ALL.get(i).set().equals(set)) {
                rows.add(ALL.get(i).row());
                mine.add(results.get(i));
            }
        }
        return new Scorecard(rows, mine);
    }

    static String line(String name, Scorecard card) {
        return String.format(Locale.ROOT, "%-40s priority %5.1f %%  service type %5.1f %%  emergencies below HIGH %d / %d%n",
                name, 100 * card.priorityAccuracy(), 100 * card.serviceTypeAccuracy(), card.emergenciesBelowHigh().size(),
                card.rows.stream().filter(r -> r.priority() == Priority.EMERGENCY).count());
    }

    @Test
    void everyMessageScoredByAModelThatNeverSawIt() throws Exception {
        List<Classification> rules = ALL.stream()
                .map(l -> TestRules.rulesOnly().classify(l.row().text(), Scorecard.OFFICE_HOURS, 0)).toList();
        Scored tenFold = crossValidated(kFolds(FOLDS), FOLDS);
        Scored setHeldOut = crossValidated(bySet(), TRAINING.size());
        List<Classification> kFold = tenFold.withRules();
        List<Classification> heldOut = setHeldOut.withRules();
        List<Classification> modelKFold = tenFold.alone();
        List<Classification> modelHeldOut = setHeldOut.alone();

        StringBuilder out = new StringBuilder("Summary (every message scored by a model trained without it)\n");
        for (String set : TRAINING) {
            out.append(line("rules alone (fit) " + set, card(rules, set)))
                    .append(line("model alone, 10-fold " + set, card(modelKFold, set)))
                    .append(line("model alone, set held out " + set, card(modelHeldOut, set)))
                    .append(line("rules + model, 10-fold " + set, card(kFold, set)))
                    .append(line("rules + model, set held out " + set, card(heldOut, set)));
        }
        out.append(line("rules + model, 10-fold, all", card(kFold, null)))
                .append(line("rules + model, set held out, all", card(heldOut, null)))
                .append("\n").append(card(kFold, null).report("Rules + model, 10-fold over the shipped files"));
        for (String set : TRAINING) {
            out.append("\n").append(card(heldOut, set).report("Rules + model on " + set + ", trained on the other files"));
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "model-cross-validation.txt"), out);
        System.out.println(out);

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(card(kFold, null).priorityAccuracy()).as("10-fold priority").isGreaterThanOrEqualTo(K_FOLD_PRIORITY_FLOOR);
        softly.assertThat(card(heldOut, null).priorityAccuracy()).as("held-out priority").isGreaterThanOrEqualTo(HELD_OUT_PRIORITY_FLOOR);
        softly.assertThat(card(kFold, null).emergenciesBelowHigh()).as("10-fold emergencies below HIGH")
                .hasSizeLessThanOrEqualTo(K_FOLD_EMERGENCIES_BELOW_HIGH_CEILING);
        softly.assertThat(card(heldOut, null).emergenciesBelowHigh()).as("held-out emergencies below HIGH")
                .hasSizeLessThanOrEqualTo(HELD_OUT_EMERGENCIES_BELOW_HIGH_CEILING);
        softly.assertAll();
    }

    // measured 2026-11-27 (branch learned): 10-fold 94.0 % (995 / 1059), held out 94.1 % (996 / 1059), no emergency below HIGH;
    // with set c trained on and the rules4 pass: 10-fold 94.3 % (1313 / 1393), held out 94.3 % (1313 / 1393), none below HIGH;
    // with set d trained on and the rules5 pass (corpus relabelled to BLIND-SET.md for gas and no water): 10-fold 95.4 %
    // (1658 / 1738), held out 95.3 %, none below HIGH;
    // with set e trained on and the rules6 pass (six files, 2085 messages): 10-fold 94.3 %, held out 94.3 %, none below
    // HIGH. The pooled figure is lower because set e (the hardest set: 88.8 % on its own, 10-fold and held out) joined
    // the pool; the five earlier files score as before (95.4 % both ways, 1658 / 1738), so the floors follow the new pool;
    // with set f trained on and the rules7 pass (seven files, 2452 messages): 10-fold 94.7 % (2323 / 2452), held out
    // 94.7 % (2323 / 2452), none below HIGH; set f alone 94.6 % both ways;
    // with set g trained on and the rules8 pass (eight files, 2790 messages): 10-fold 95.4 % (2663 / 2790), held out
    // 95.4 % (2663 / 2790), none below HIGH; set g alone 98.2 % 10-fold, 98.5 % held out;
    // with set h trained on and the rules9 pass (nine files, 3170 messages): 10-fold 95.6 % (3030 / 3170), held out
    // 95.5 % (3026 / 3170), none below HIGH; set h alone 95.3 % both ways;
    // with set i trained on and the rules10 pass (ten files, 3503 messages): 10-fold 95.9 % (3359 / 3503), held out
    // 95.9 %, none below HIGH; set i alone 98.2 % both ways (the model alone on it: 92.5 % 10-fold, 92.8 % held out);
    // with set j trained on and the rules11 pass (eleven files, 3829 messages): 10-fold 95.8 % (3669 / 3829), held out
    // 95.9 %, none below HIGH (815 emergencies); set j alone 92.9 % both ways (the model alone on it: 92.9 % 10-fold,
    // 93.6 % held out). The pooled figures fell by the harder new file, not by the others (the ten earlier files:
    // 10-fold 3366 / 3503, up from 3359); floors unchanged;
    // with set k trained on and the rules12 pass (twelve files, 4182 messages): 10-fold 96.1 % (4017 / 4182), held out
    // 96.0 % (4016 / 4182), none below HIGH (889 emergencies); set k alone 97.7 % both ways (the model alone on it: 91.5 %
    // 10-fold, 92.6 % held out); the eleven earlier files 10-fold 3672 / 3829 (3669 before). Floors raised to 0.960.
    // With the model-first decision (branch blend: the model leads where the rules read no context): 10-fold 95.0 %
    // (3971 / 4182), held out 95.2 % (3981 / 4182), none below HIGH; service type 92.7 / 92.5 %. The rules were tuned
    // on all twelve files, so these figures measure fit and favour the rules-first decision; the model-first one was
    // chosen on sets j and k scored with the rules of the day each was blind, and blind set l (bench/RESULTS-classifier.md).
    // Floors lowered 0.960 -> 0.949 (10-fold) and 0.960 -> 0.951 (held out).
    // model14 (model step 1, l2 1e-4, 2^18 buckets; the model over context at p >= 0.8) with set l trained on (thirteen
    // files, 4535 messages): 10-fold 94.9 %, held out 95.1 %, service type 93.0 / 93.1 %; one emergency below HIGH
    // (966 emergencies): set l's, the one its blind scoring missed too (a hissing oven and an eggy smell read MEDIUM;
    // the rules were never tuned on set l). Ceiling raised 0 -> 1 for that message; floors unchanged.
    // decide15 (a rules EMERGENCY only a HIGH floor when the model is >= 0.95 sure of another reading; the model's EMERGENCY
    // at >= 0.9 beside an emergency cue the rules read context around), thirteen files: 10-fold 95.0 %, held out 95.1 %,
    // 1 below HIGH. Then sets m and n trained on (fifteen files, 5223 messages, 1118 emergencies): 10-fold 95.0 / 93.0 %,
    // held out 94.9 / 92.8 %, 2 below HIGH: set l's hissing oven and set n's gas line hit by a trencher, whistling, read
    // LOW (set n's blind miss too; the rules were never tuned on sets m and n). The thirteen earlier files score as before
    // or better (held out 95.14 % both, 10-fold 94.96 -> 95.27 %): the pooled held-out figure fell by the two new files
    // (93.3 and 93.6 % held out). Model alone, each file held out, on the thirteen earlier files: 93.54 -> 93.95 %.
    // Held-out floor lowered 0.951 -> 0.949, ceiling raised 1 -> 2 (that message).
    // model16 (word triples, 36 epochs with a slower decay, the labelled sets weighted 3x, here as in the application):
    // 10-fold 95.3 / 93.3 % (4977 / 5223), held out 95.5 / 93.4 % (4988 / 5223), still 2 below HIGH (1118 emergencies).
    // Floors raised 0.949 -> 0.952 (10-fold) and 0.949 -> 0.955 (held out).
    // model16b (the same weights as one longer step per message instead of copies, 48 epochs, step halved at epoch 12):
    // 10-fold 95.4 / 93.3 % (4982 / 5223), held out 95.6 / 93.5 % (4991 / 5223), still 2 below HIGH; 63 s instead of
    // model16's 136 s (same machine). 10-fold floor raised 0.952 -> 0.953.
    // model17: sets o and p trained on (seventeen files, 5919 messages, 1269 emergencies): 10-fold 95.2 / 93.4 % (5633 / 5919),
    // held out 95.2 / 93.3 % (5636 / 5919); 2 below HIGH 10-fold, 4 held out (sets l and n as before, one of set o's and
    // one of set p's, the rules never tuned on either). A new pool, not a worse model: the fifteen earlier files held out
    // read 4991 -> 4998 / 5223 (95.7 %); sets o and p held out 92.3 and 91.1 % (the two hardest files, as their blind
    // scores were). Floors follow the new pool: 0.953 -> 0.951 (10-fold), 0.955 -> 0.952 (held out), ceiling 2 -> 4.
    // model17 step 2 (the model's MEDIUM over a rules HIGH at >= 0.8, its reading over a rules EMERGENCY at >= 0.97, its
    // EMERGENCY beside an emergency cue the rules read context around at >= 0.8): 10-fold 95.5 % (5652 / 5919), held out
    // 95.6 % (5660 / 5919), the same 2 / 4 below HIGH. Floors raised 0.951 -> 0.954, 0.952 -> 0.956. One training per fold
    // now serves both the rules + model and the model-alone columns: 65 s instead of 113 s, same figures.
    // Merged without the reading over a rules EMERGENCY at >= 0.97 (an emergency cue with the model against it stays HIGH
    // at least, MessageClassifier.MODEL_OVER_RULES_EMERGENCY): 10-fold 95.2 % (5635 / 5919), held out 95.3 % (5642 / 5919),
    // the same 2 / 4 below HIGH; floors there (0.952, 0.953). The folds now train side by side on the two cores.
    // model18: set q trained on (eighteen files, 6263 messages, 1344 emergencies): 10-fold 95.1 / 93.3 % (5956 / 6263), held
    // out 95.2 / 93.4 % (5965 / 6263); 4 below HIGH 10-fold, 3 held out. A new pool: set q held out reads 92.4 % (318 / 344),
    // the hardest file with set p. Floors follow the new pool (exact fractions rounded down): 0.952 -> 0.950, 0.953 -> 0.952.
    // model18 step 2 (the model's MEDIUM at >= 0.95 over a rules HIGH with a safety cue, no emergency keyword, no conflict,
    // MessageClassifier.MODEL_MEDIUM_OVER_SAFETY_CUE): 10-fold 95.2 % (5962 / 6263), held out 95.3 % (5971 / 6263), the same
    // 4 / 3 below HIGH. Floors raised 0.950 -> 0.951, 0.952 -> 0.953.
    // model18 step 3 (the model's EMERGENCY at >= 0.97 where the rules read context without an emergency cue and the message
    // settles nothing, MessageClassifier.MODEL_EMERGENCY_OVER_UNSETTLED_CONTEXT): 10-fold 95.2 % (5964 / 6263), held out
    // 95.4 % (5973 / 6263), the same 4 / 3 below HIGH. 10-fold floor raised 0.951 -> 0.952.
    // MessageClassifier.MODEL_MEDIUM_OVER_SAFETY_CUE taken out after the merge (an emergency cue with the model against it
    // is conflicting evidence, HIGH at least): 10-fold 95.1 % (5958 / 6263), held out 95.2 % (5967 / 6263); floors there.
    // model19: set r trained on (nineteen files, 6611 messages, 1421 emergencies): 10-fold 95.2 / 93.3 % (6291 / 6611), held
    // out 95.3 / 93.3 % (6303 / 6611); 5 below HIGH 10-fold, 3 held out. The held-out three are the same messages as before
    // (sets l, n, o); 10-fold, set q's as before and one more, set p's cracked toilet bowl with water all over (read MEDIUM
    // by the model of its fold: the new file reshuffles the ten folds). Floors (exact fractions rounded down): 10-fold 0.951 kept, held out 0.952 -> 0.953;
    // ceiling 4 -> 5 for that fold (set r held out: 330 / 348, 0 of 77 below HIGH, as its blind score).
    // model19 step 2 (the model's reading above the rules' over a negation or resolution at >= 0.7,
    // MessageClassifier.MODEL_RAISES_OVER_CONTEXT; "everywhere" water escaping only when said of water; a cue inside a
    // mention phrase does not count): 10-fold 95.3 % (6302 / 6611), held out 95.6 % (6317 / 6611); 5 / 2 below HIGH (held
    // out: set o's laser-tag ceiling leak now HIGH). Floors raised 0.951 -> 0.953, 0.953 -> 0.955.
    // model19 step 3 (the model over an all-clear or retraction only at >= 0.95, MessageClassifier.MODEL_OVER_ALL_CLEAR):
    // 10-fold 95.4 % (6305 / 6611), held out 95.6 % (6319 / 6611), the same 5 / 2 below HIGH; floors unchanged.
    // model21 (config/rules.yaml: hot water gone in other words, "shots" no typo of "shooting"; the model over a rules
    // EMERGENCY of water alone at >= 0.7, MessageClassifier.MODEL_OVER_RULES_WATER_EMERGENCY): 10-fold 95.4 % (6310 / 6611),
    // held out 95.7 % (6324 / 6611), the same 5 / 2 below HIGH. Floors raised 0.953 -> 0.954, 0.955 -> 0.956.
    // model22 (sets s, t, u, v trained on: 23 files, 8008 messages; MessageClassifier: MODEL_EMERGENCY_REVIEW 0.5 -> 0.4 and
    // also beside a negation, resolution or mention, MODEL_OVER_ALL_CLEAR also over a retraction with a new problem after
    // it, MODEL_HIGH_OVER_RULES_MEDIUM 0.6): 10-fold 95.4 % (7638 / 8008), held out 95.5 % (7650 / 8008); 3 / 1 below HIGH.
    // Floors LOWERED 0.954 -> 0.953, 0.956 -> 0.955 (the exact fractions 0.9538, 0.9553 rounded down), not because the
    // old messages read worse: on the 6611 of the 19 files before, about 6328 (10-fold) and 6337 (held out) right
    // (per-file percentages; 6310 / 6324 before), but the four new files are harder than the rest (1310 / 1313 of 1397,
    // 93.8 / 94.0 %). Ceilings what they measure, 5 -> 3 and 2 -> 1 (held out: set l's hissing oven with an "eggy"
    // smell, read MEDIUM; 10-fold: that one and two of set n's).
    // model22 step 2 (config/rules.yaml: "eggy" a gas smell word; a thing run over by a vehicle, lint all over an outside
    // wall no fixture overflowing): 10-fold 95.4 % (7641 / 8008), held out 95.6 % (7653 / 8008); 2 / 0 below HIGH (set l's
    // eggy oven now EMERGENCY). Floor raised 0.953 -> 0.954 (0.9542); held out 0.955 kept (0.9557). Ceilings 3 -> 2, 1 -> 0.
    // model22 step 3 (MessageClassifier.MODEL_RAISES_OVER_CONTEXT 0.7 -> 0.6): 10-fold 95.4 % (7642 / 8008), held out
    // 95.6 % (7659 / 8008), the same 2 / 0 below HIGH. Held-out floor raised 0.955 -> 0.956 (0.9564), model21's again.
    // model23 (MessageClassifier.MODEL_LOW_OVER_RULES_MEDIUM 0.7: the model's unsure LOW no longer lowers a named MEDIUM
    // repair): 10-fold 95.5 % (7646 / 8008), held out 95.7 % (7662 / 8008), the same 2 / 0 below HIGH. Floors there
    // (0.9548, 0.9568 rounded down).
    // model23 (MessageClassifier.MODEL_LOW_OVER_RULES_HIGH 0.95: the model's sure LOW over a rules HIGH without an
    // emergency cue): 10-fold 95.5 % (7649 / 8008), held out 95.7 % (7666 / 8008), the same 2 / 0 below HIGH. Floors
    // raised 0.954 -> 0.955, 0.956 -> 0.957 (0.9552, 0.9573 rounded down).
    // model24 (sewage outside needs something out; a backup now not lowered beside a price; MODEL_MEDIUM_OVER_RULES_HIGH
    // 0.8 -> 0.7): 10-fold 7648 / 8008 (0.9550), held out 7672 / 8008 (0.9580), the same 2 / 0 below HIGH. 10-fold floor
    // kept (0.955), held-out floor raised 0.957 -> 0.958.
    // model36 (sets w to as trained on: 46 files, 15,991 messages, 3,518 emergencies; "sewage in a fixture" read across
    // sentences): 10-fold 15346 / 15991 (0.9597), held out 15360 / 15991 (0.9605), none below HIGH either way. Floors
    // raised 0.955 -> 0.959, 0.958 -> 0.960; the 10-fold ceiling 2 -> 0. Without the sentences rule, set t's "Sewage. In
    // the tub. And the other tub." held out read MEDIUM (the model, on the sarcasm around it), the one below HIGH.
    // model37 (sets at to aw trained on: 50 files, 17,390 messages, 3,828 emergencies; what was flushed, come back up in
    // a fixture, is sewage): 10-fold 16709 / 17390 (0.9608), held out 16711 / 17390 (0.9609), none below HIGH either way.
    // 10-fold floor raised 0.959 -> 0.960. Without the flushed-waste words, set q's "the stuff i flushed this morning is
    // now floating in my bathtub" read MEDIUM in the 10-fold (its folds reshuffled by the new files).
    static final double K_FOLD_PRIORITY_FLOOR = 0.960;
    static final double HELD_OUT_PRIORITY_FLOOR = 0.960;
    // One ceiling was kept for both splits until model19 (4); each is now what it measures: the 10-fold count rose by set
    // p's toilet bowl (the ten folds reshuffled by the new file; held out it stays HIGH), the held-out count (the nearer
    // thing to a blind set) fell to 2.
    static final int K_FOLD_EMERGENCIES_BELOW_HIGH_CEILING = 0;
    static final int HELD_OUT_EMERGENCIES_BELOW_HIGH_CEILING = 0;
}
