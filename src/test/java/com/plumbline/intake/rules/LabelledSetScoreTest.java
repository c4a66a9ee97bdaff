package com.plumbline.intake.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The classifier (rules and learned model, as the application runs them) on the labelled sets written
 * apart from the corpus (described in BLIND-SET.md): the development sets in src/main/resources/classification,
 * which the model is trained on, and the blind set in src/test/resources/classification, which it never sees. Each set has floors at what the rules scored when it was last measured,
 * so a change that makes any of them worse fails the build; raise a floor when the rules get better.
 * Reports go to target/&lt;name&gt;-score.txt. Targets (issue 19): 95 % and no emergency below HIGH.
 *
 * <p>A development set's failures have been read and the rules tuned against them: its figures measure
 * fit, and its report is printed. A blind set's failures may not be read by anyone tuning the rules, so
 * only its totals are printed; once someone reads them it becomes a development set and a new blind set
 * must be written first.
 */
class LabelledSetScoreTest {

    record LabelledSet(String file, boolean blind, double priorityFloor, double serviceTypeFloor,
                       int emergenciesBelowHighCeiling) {

        String name() {
            return file.replace(".csv", "");
        }

        @Override
        public String toString() {
            return (blind ? "blind set " : "development set ") + file;
        }
    }

    static Stream<LabelledSet> sets() {
        return Stream.of(
                // model37: the model also trained on sets at to aw (moved to src/main/resources; each of the four held out in
                // turn read 1,338 of 1,399 right, against 1,331 on model36, which had seen none of them: bench/RESULTS-classifier.md,
                // model37). Every floor re-read and set to its exact fraction rounded down: three development sets fell by one
                // message each (e 0.979 -> 0.976, m 1.000 -> 0.997, ae 0.994 -> 0.991), six rose (f, o, y, aj, al, ao).
                // model36: the model also trained on sets w to as (moved to src/main/resources; each of the twenty blind ones
                // held out in turn read 6,653 of 6,997 right, against 6,578 when none of them was trained on:
                // bench/RESULTS-classifier.md, model36). Every floor re-read and set to its exact fraction rounded down: those
                // sets now measure fit, not generalisation; two development sets fell by one message each (f 358 -> 356 / 367,
                // p 338 -> 337 / 347: floors 0.975 -> 0.970 and 0.974 -> 0.971), the others held or rose.
                // model23 (MessageClassifier.MODEL_LOW_OVER_RULES_MEDIUM 0.7, MODEL_LOW_OVER_RULES_HIGH 0.95; the model
                // trained on the same 23 files as before): every development set's priority floor re-read and set to its
                // exact fraction rounded down; 14 of them rose (they had not been re-read since model19-model22, which raised
                // only the sets they trained on): b 0.967 -> 0.973, c 0.988 -> 0.991, e 0.974 -> 0.976, f 0.972 -> 0.975,
                // h 0.984 -> 0.986, j 0.975 -> 0.978, k 0.991 -> 0.994, l 0.966 -> 0.968, n 0.982 -> 0.985, p 0.968 -> 0.974,
                // q 0.953 -> 0.959, r 0.977 -> 0.979, s 0.962 -> 0.965, t 0.986 -> 0.988. Service-type floors not re-read.
                // 353 messages. Blind before any rule change: priority 62.0 %, service type 75.1 %, 35
                // emergencies below HIGH; blind after issue 19's first rework: 66.9 / 76.2 %, 11. Tuned
                // against (rules2): 95.2 / 85.0 %, 0; after rules3 (tuned on set b): 95.5 / 90.7 %, 0. With the
                // learned model, which is trained on it (fit; ModelCrossValidationTest has the held-out figures): 95.8 / 91.5 %, 0.
                // After rules4 (tuned on set c; model trained on the corpus and sets a, b, c): 96.0 / 91.5 %, 0.
                // After rules5 (tuned on set d; gas and no water GENERAL; model also trained on set d): 96.0 / 93.2 %, 0.
                // After rules7 (tuned on set f; model also trained on sets e and f): 96.3 / 93.2 % (340 / 353, 329 / 353), 0.
                // After rules8 (tuned on set g; model also trained on set g): unchanged, 96.3 / 93.2 %, 0.
                // After rules9 (tuned on set h; model also trained on set h): 96.6 / 93.2 % (341 / 353, 329 / 353), 0.
                // After rules10 (tuned on set i; model also trained on set i): 96.6 / 93.8 % (341 / 353, 331 / 353), 0.
                // After rules11 (tuned on set j; model also trained on set j): 96.9 / 93.8 % (342 / 353, 331 / 353), 0.
                // After rules12 (tuned on set k; model also trained on set k): unchanged.
                // model14 (step 1, l2 1e-4, 2^18 buckets): 97.2 / 97.5 % (343 / 353, 344 / 353), 0. Floors raised.
                // model14, the model over context (p >= 0.8): 98.0 / 97.5 % (346 / 353, 344 / 353), 0. Floors raised.
                // model14 with set l trained on: 97.7 / 97.5 % (345 / 353, 344 / 353), 0. Floors lowered (0.980 / 0.974 -> 0.977 / 0.974).
                // decide15 (the decision; then sets m and n trained on): 97.7 / 97.5 % (345 / 353, 344 / 353), 0, both times.
                // model16 (word triples, 36 epochs, the labelled sets weighted 3x): 98.0 / 97.5 % (346 / 353, 344 / 353), 0. Floors raised (0.977 / 0.974 -> 0.980 / 0.974).
                // model17 step 2 (the model over a rules HIGH or EMERGENCY when sure; bench/RESULTS-classifier.md): priority 98.9 % (349 / 353). Floors raised (0.980 / 0.974 -> 0.988 / 0.974).
                // Merged without its outright reading over a rules EMERGENCY (MessageClassifier.MODEL_OVER_RULES_EMERGENCY): 98.6 %; floors there.
                new LabelledSet("blind-2026-11.csv", false, 0.988, 0.977, 0),
                // 373 messages. Blind on the rules of the day it was written: 68.4 / 67.6 %, 14 of 65; still
                // blind after rules2: 72.7 / 69.7 %, 10. Tuned against (rules3): 90.1 / 86.3 %, 0. With the learned
                // model, which is trained on it: 90.1 / 87.9 %, 0. After rules4: 90.3 / 89.5 %, 0. After rules5: 91.2 / 92.8 %, 0.
                // After rules7: 92.0 / 92.8 % (343 / 373, 346 / 373), 0. After rules8: 92.2 / 93.6 % (344 / 373, 349 / 373), 0.
                // After rules10: 92.2 / 93.6 % (344 / 373, 349 / 373), 0. After rules11: unchanged. After rules12: unchanged.
                // model14 (step 1, l2 1e-4, 2^18 buckets): 93.6 / 97.1 % (349 / 373, 362 / 373), 0. Floors raised.
                // model14, the model over context (p >= 0.8): 94.1 / 97.1 % (351 / 373, 362 / 373), 0. Floors raised.
                // model14 with set l trained on: 94.4 / 97.1 % (352 / 373, 362 / 373), 0. Floors raised (0.941 / 0.970 -> 0.943 / 0.970).
                // decide15, the decision: 94.6 / 97.1 % (353 / 373, 362 / 373), 0; with sets m and n trained on: 94.1 / 97.1 %
                // (351 / 373, 362 / 373), 0. Floors lowered (0.943 / 0.970 -> 0.941 / 0.970).
                // model16 (word triples, 36 epochs, the labelled sets weighted 3x): 95.7 / 97.6 % (357 / 373, 364 / 373), 0. Floors raised (0.941 / 0.970 -> 0.957 / 0.975).
                // model17 step 2 (the model over a rules HIGH or EMERGENCY when sure; bench/RESULTS-classifier.md): priority 96.8 % (361 / 373). Floors raised (0.957 / 0.975 -> 0.967 / 0.975).
                new LabelledSet("blind-2026-11b.csv", false, 0.975, 0.978, 0),
                // 334 messages, written 2026-11-27. Blind on the rules before rules3: 78.4 / 71.6 %, 6 of 63;
                // after rules3, which was made without seeing it: 80.8 / 82.3 %, 5. Rules + learned model (branch
                // learned; trained on the corpus and sets a and b only, combination chosen without it): 82.9 / 82.6 %, 4.
                // A development set from 2026-11-27 09:00 UTC, once set d was written: its failures were read and
                // the rules generalised against them (rules4): 94.0 / 89.2 %, 0 with the model of sets corpus, a, b;
                // then trained on (now in src/main/resources): 94.0 / 89.5 %, 0. Fit, not generalisation.
                // After rules5 (tuned on set d, not on this one): 95.5 / 93.4 %, 0. After rules7: 96.1 / 93.4 % (321 / 334, 312 / 334), 0.
                // After rules8: 96.4 / 93.7 % (322 / 334, 313 / 334), 0.
                // After rules10: 96.4 / 93.7 % (322 / 334, 313 / 334), 0.
                // After rules11: 96.7 / 94.0 % (323 / 334, 314 / 334), 0. After rules12: unchanged.
                // model14 (step 1, l2 1e-4, 2^18 buckets): 97.0 / 97.0 % (324 / 334, 324 / 334), 0. Floors raised.
                // model14, the model over context (p >= 0.8): 98.2 / 97.0 % (328 / 334, 324 / 334), 0. Floors raised.
                // model14 with set l trained on: 98.2 / 97.0 % (328 / 334, 324 / 334), 0.
                // decide15, the decision: 98.5 / 97.0 % (329 / 334, 324 / 334), 0; with sets m and n trained on: unchanged. Floors
                // raised (0.982 / 0.970 -> 0.985 / 0.970).
                // model16 (word triples, 36 epochs, the labelled sets weighted 3x): 98.5 / 97.0 % (329 / 334, 324 / 334), 0. Floors unchanged.
                // model17 step 2 (the model over a rules HIGH or EMERGENCY when sure; bench/RESULTS-classifier.md): priority 99.4 % (332 / 334). Floors raised (0.985 / 0.970 -> 0.994 / 0.970).
                // Merged without its outright reading over a rules EMERGENCY (MessageClassifier.MODEL_OVER_RULES_EMERGENCY): 98.8 %; floors there.
                // model18 (the model's sure MEDIUM over a rules HIGH with a safety cue, MessageClassifier.MODEL_MEDIUM_OVER_SAFETY_CUE): priority 99.1 % (331 / 334). Floors raised (0.988 -> 0.991).
                // MODEL_MEDIUM_OVER_SAFETY_CUE taken out after the merge (an emergency cue with the model against it is
                // conflicting evidence: HIGH at least, issue 19 item 4): priority 98.8 % (330 / 334). Floor there (0.991 -> 0.988).
                new LabelledSet("blind-2026-11c.csv", false, 0.991, 0.970, 0),
                // 345 messages, written 2026-11-27 08:40-08:45 UTC (BLIND-SET.md). Blind on main of that hour
                // (rules + learned model, d61a940): priority 84.1 %, service type 78.3 %, 5 of 71 emergencies below HIGH.
                // After rules4 (made without seeing it; scored once at its end): 86.7 / 78.6 %, 5.
                // A development set from 2026-11-27 11:20 UTC, once set e was written: its failures were read and the
                // rules generalised against them (rules5): 97.7 / 88.4 %, 0 with the model of sets corpus, a, b, c; then
                // trained on (now in src/main/resources): 97.7 / 89.0 %, 0. Fit, not generalisation.
                // After rules7: 98.6 / 90.1 % (340 / 345, 311 / 345), 0. After rules8: 98.8 / 91.3 % (341 / 345, 315 / 345), 0.
                // After rules10: 99.1 / 91.3 % (342 / 345, 315 / 345), 0. After rules11: unchanged.
                // After rules12: 99.1 / 91.6 % (342 / 345, 316 / 345), 0.
                // model14 (step 1, l2 1e-4, 2^18 buckets): 99.4 / 96.2 % (343 / 345, 332 / 345), 0. Floors raised.
                // model14, the model over context (p >= 0.8): 99.4 / 96.2 % (343 / 345, 332 / 345), 0.
                // model14 with set l trained on: 99.4 / 96.2 % (343 / 345, 332 / 345), 0.
                // decide15, the decision: 99.7 / 96.2 % (344 / 345, 332 / 345), 0; with sets m and n trained on: 99.7 / 95.9 %
                // (344 / 345, 331 / 345), 0. Floors 0.994 / 0.962 -> 0.997 / 0.959 (priority raised; service type lowered, by the training).
                // model16 (word triples, 36 epochs, the labelled sets weighted 3x): 99.7 / 96.2 % (344 / 345, 332 / 345), 0. Floors raised (0.997 / 0.959 -> 0.997 / 0.962).
                new LabelledSet("blind-2026-11d.csv", false, 0.997, 0.962, 0),
                // 347 messages, written 2026-11-27 11:10-11:13 UTC (BLIND-SET.md). Blind on main of that hour (rules +
                // learned model, 38f58a6; scored before any rule change): priority 83.0 %, service type 81.3 %,
                // 4 of 74 emergencies below HIGH. After rules5 (made without seeing it): 85.3 / 84.7 %, 4 at the end of
                // the rule work; then one more rule change, made from look-alikes (Spanish "drenaje de la tina"), not
                // from this set: 85.0 / 84.7 % (295 / 347, 294 / 347), 4. Floors at that last measurement.
                // A development set from 2026-11-27 12:50 UTC, once set f was written: its failures were read and the
                // rules generalised against them (rules6): 88.8 / 85.3 %, 0 with the model of sets corpus, a-d; then
                // trained on (now in src/main/resources): 89.0 / 86.7 % (309 / 347, 301 / 347), 0. Fit, not generalisation.
                // After rules7: 89.9 / 87.0 % (312 / 347, 302 / 347), 0. After rules8: 90.5 / 88.2 % (314 / 347, 306 / 347), 0.
                // After rules9: 90.8 / 88.5 % (315 / 347, 307 / 347), 0.
                // After rules10: 91.1 / 89.0 % (316 / 347, 309 / 347), 0.
                // After rules11: 91.4 / 89.3 % (317 / 347, 310 / 347), 0.
                // After rules12 (tuned on set k; model also trained on set k): 91.9 / 89.3 % (319 / 347, 310 / 347), 0.
                // model14 (step 1, l2 1e-4, 2^18 buckets): 93.9 / 93.1 % (326 / 347, 323 / 347), 0. Floors raised.
                // model14, the model over context (p >= 0.8): 95.4 / 93.4 % (331 / 347, 324 / 347), 0. Floors raised.
                // model14 with set l trained on: 95.4 / 93.4 % (331 / 347, 324 / 347), 0.
                // decide15 (the decision; then sets m and n trained on): 95.4 / 93.4 % (331 / 347, 324 / 347), 0, both times.
                // model16 (word triples, 36 epochs, the labelled sets weighted 3x): 96.0 / 93.4 % (333 / 347, 324 / 347), 0. Floors raised (0.953 / 0.933 -> 0.959 / 0.933).
                // model17 step 2 (the model over a rules HIGH or EMERGENCY when sure; bench/RESULTS-classifier.md): priority 97.4 % (338 / 347). Floors raised (0.959 / 0.933 -> 0.974 / 0.933).
                // Merged without its outright reading over a rules EMERGENCY (MessageClassifier.MODEL_OVER_RULES_EMERGENCY): 97.1 %; floors there.
                // model18 (the model's sure MEDIUM over a rules HIGH with a safety cue, MessageClassifier.MODEL_MEDIUM_OVER_SAFETY_CUE): priority 97.4 % (338 / 347). Floors raised (0.971 -> 0.974).
                // model18 (the model's EMERGENCY at >= 0.97 over context that settles nothing, MessageClassifier.MODEL_EMERGENCY_OVER_UNSETTLED_CONTEXT): priority 97.7 % (339 / 347). Floors raised (0.974 -> 0.976).
                // MODEL_MEDIUM_OVER_SAFETY_CUE taken out after the merge (an emergency cue with the model against it is
                // conflicting evidence: HIGH at least, issue 19 item 4): priority 97.4 % (338 / 347). Floor there (0.976 -> 0.974).
                new LabelledSet("blind-2026-11e.csv", false, 0.976, 0.933, 0),
                // 367 messages, written 2026-11-27 (BLIND-SET.md). Blind on main of that hour (rules + learned model
                // after rules5, 0f217cc; scored before any rule change): priority 85.3 %, service type 86.6 %,
                // 3 of 79 emergencies below HIGH. After rules6 (made without seeing it; scored once at its end):
                // 86.1 / 86.9 %, 2. Floors left at the score before rules6.
                // A development set from 2026-11-27 14:20 UTC, once set g was written: its failures were read and the
                // rules generalised against them (rules7): 86.1 / 86.9 %, 2 before; 94.6 / 88.6 % (347 / 367, 325 / 367), 0
                // with the model of sets corpus, a-e; then trained on (now in src/main/resources), with two more rule
                // changes (sewage gushing is the line's; "olor a drenaje"): 94.8 / 89.4 % (348 / 367, 328 / 367), 0.
                // Fit, not generalisation. After rules8: 94.8 / 91.0 % (348 / 367, 334 / 367), 0.
                // After rules10: 94.8 / 91.6 % (348 / 367, 336 / 367), 0.
                // After rules11: 95.1 / 91.6 % (349 / 367, 336 / 367), 0. After rules12: unchanged.
                // model14 (step 1, l2 1e-4, 2^18 buckets): 95.4 / 96.2 % (350 / 367, 353 / 367), 0. Floors raised.
                // model14, the model over context (p >= 0.8): 95.9 / 96.2 % (352 / 367, 353 / 367), 0. Floors raised.
                // model14 with set l trained on: 95.9 / 96.2 % (352 / 367, 353 / 367), 0.
                // decide15 (the decision; then sets m and n trained on): 95.9 / 96.2 % (352 / 367, 353 / 367), 0, both times.
                // model16 (word triples, 36 epochs, the labelled sets weighted 3x): 96.7 / 96.2 % (355 / 367, 353 / 367), 0. Floors raised (0.959 / 0.961 -> 0.967 / 0.961).
                // model17 (sets o and p trained on): 97.0 / 96.2 % (356 / 367, 353 / 367), 0. Floors raised (0.967 / 0.961 -> 0.970 / 0.961).
                // model17 step 2 (the model over a rules HIGH or EMERGENCY when sure; bench/RESULTS-classifier.md): priority 98.4 % (361 / 367). Floors raised (0.970 / 0.961 -> 0.983 / 0.961).
                // Merged without its outright reading over a rules EMERGENCY (MessageClassifier.MODEL_OVER_RULES_EMERGENCY): 97.5 %; floors there.
                // model19 (set r trained on): 97.2 / 96.1 % (357 / 367, 353 / 367), 0. Floor lowered by the new training (0.975 -> 0.972).
                new LabelledSet("blind-2026-11f.csv", false, 0.972, 0.961, 0),
                // 338 messages, written 2026-11-27 14:10-14:35 UTC (BLIND-SET.md). Blind on main of that hour (rules +
                // learned model after rules6, bfc70c8; scored before any rule change): priority 87.0 % (294 / 338),
                // service type 85.5 % (289 / 338), 2 of 68 emergencies below HIGH. After rules7 (made without seeing
                // it; scored once at its end): 89.1 / 85.8 %, 2. Floors left at the score before rules7.
                // A development set from 2026-11-27 15:00 UTC, once set h was written: its failures were read and the
                // rules generalised against them (rules8): 89.1 / 85.8 %, 2 before; 98.5 / 90.5 % (333 / 338, 306 / 338), 0
                // with the model of sets corpus, a-f; then trained on (now in src/main/resources): 98.5 / 91.1 %
                // (333 / 338, 308 / 338), 0. Fit, not generalisation. After rules9: 98.8 / 91.1 % (334 / 338, 308 / 338), 0.
                // After rules10: 98.8 / 91.4 % (334 / 338, 309 / 338), 0. After rules11: unchanged.
                // After rules12: 98.8 / 91.7 % (334 / 338, 310 / 338), 0.
                // Model-first decision (branch blend; the model leads where the rules read no context): 98.5 / 95.9 %
                // (333 / 338, 324 / 338), 0; priority floor lowered 0.988 -> 0.985 (fit to rules tuned on this set).
                // model14 (step 1, l2 1e-4, 2^18 buckets): 98.8 / 96.2 % (334 / 338, 325 / 338), 0. Floors raised.
                // model14, the model over context (p >= 0.8): 99.1 / 96.2 % (335 / 338, 325 / 338), 0. Floors raised.
                // model14 with set l trained on: 99.1 / 96.2 % (335 / 338, 325 / 338), 0.
                // decide15 (the decision; then sets m and n trained on): 99.1 / 96.2 % (335 / 338, 325 / 338), 0, both times.
                // model16 (word triples, 36 epochs, the labelled sets weighted 3x): 99.1 / 96.4 % (335 / 338, 326 / 338), 0. Floors raised (0.991 / 0.961 -> 0.991 / 0.964).
                // model17 step 2 (the model over a rules HIGH or EMERGENCY when sure; bench/RESULTS-classifier.md): priority 99.7 % (337 / 338). Floors raised (0.991 / 0.964 -> 0.997 / 0.964).
                new LabelledSet("blind-2026-11g.csv", false, 0.997, 0.964, 0),
                // 380 messages, written 2026-11-27 14:50-15:00 UTC (BLIND-SET.md; its writer saw the subject lines of
                // the five newest commits, and wrote nothing on the topics they name beyond BLIND-SET.md's own calls).
                // Blind on main of that hour (rules + learned model after rules7, 48adb2a; scored before any rule
                // change): priority 88.7 % (337 / 380), service type 86.3 % (328 / 380), 4 of 84 emergencies below HIGH.
                // After rules8 (made without seeing it; scored once at its end): 90.0 / 87.1 %, 3. Floors left at the
                // score before rules8.
                // A development set from 2026-11-27 15:40 UTC, once set i was written: its failures were read and the
                // rules generalised against them (rules9): 90.0 / 87.1 %, 3 before; 95.5 / 88.2 % (363 / 380, 335 / 380), 0
                // with the model of sets corpus, a-g; then trained on (now in src/main/resources), and one retraction
                // family withdrawn ("everything is safe" took back water pouring in a look-alike), and the rules' own
                // misses that the model had covered fixed (a line named by what it feeds, a cutoff, sewage brought up):
                // 95.5 / 88.9 % (363 / 380, 338 / 380), 0. Fit, not generalisation.
                // After rules10 (model also trained on set i): 96.1 / 89.5 % (365 / 380, 340 / 380), 0.
                // After rules11 (model also trained on set j): 96.6 / 90.0 % (367 / 380, 342 / 380), 0.
                // After rules12 (model also trained on set k): 96.6 / 90.3 % (367 / 380, 343 / 380), 0.
                // Model-first decision (branch blend): 96.3 / 94.2 % (366 / 380, 358 / 380), 0; priority floor lowered
                // 0.965 -> 0.963 (fit to rules tuned on this set).
                // model14 (step 1, l2 1e-4, 2^18 buckets): 96.6 / 94.7 % (367 / 380, 360 / 380), 0. Floors raised.
                // model14, the model over context (p >= 0.8): 97.6 / 95.3 % (371 / 380, 362 / 380), 0. Floors raised.
                // model14 with set l trained on: 97.4 / 95.3 % (370 / 380, 362 / 380), 0. Floors lowered (0.976 / 0.952 -> 0.973 / 0.952).
                // decide15, the decision: 97.4 / 95.3 % (370 / 380, 362 / 380), 0; with sets m and n trained on: 97.6 / 95.3 %
                // (371 / 380, 362 / 380), 0. Floors raised (0.973 / 0.952 -> 0.976 / 0.952).
                // model16 (word triples, 36 epochs, the labelled sets weighted 3x): 98.2 / 95.3 % (373 / 380, 362 / 380), 0. Floors raised (0.976 / 0.952 -> 0.981 / 0.952).
                // model17 step 2 (the model over a rules HIGH or EMERGENCY when sure; bench/RESULTS-classifier.md): priority 98.7 % (375 / 380). Floors raised (0.981 / 0.952 -> 0.986 / 0.952).
                // Merged without its outright reading over a rules EMERGENCY (MessageClassifier.MODEL_OVER_RULES_EMERGENCY): 98.4 %; floors there.
                // model18 (the model's sure MEDIUM over a rules HIGH with a safety cue, MessageClassifier.MODEL_MEDIUM_OVER_SAFETY_CUE): priority 98.7 % (375 / 380). Floors raised (0.984 -> 0.986).
                // MODEL_MEDIUM_OVER_SAFETY_CUE taken out after the merge (an emergency cue with the model against it is
                // conflicting evidence: HIGH at least, issue 19 item 4): priority 98.4 % (374 / 380). Floor there (0.986 -> 0.984).
                new LabelledSet("blind-2026-11h.csv", false, 0.989, 0.957, 0),
                // 333 messages, written 2026-11-27 15:24-15:28 UTC (BLIND-SET.md; its writer saw the subject lines of
                // the five newest commits and wrote nothing on the topics they name). Blind on main of that hour (rules
                // + learned model after rules8, bd15679; scored before any rule change): priority 90.4 % (301 / 333),
                // service type 90.4 % (301 / 333), 1 of 70 emergencies below HIGH. After rules9 (made without seeing
                // it; scored once at its end): unchanged, 90.4 / 90.4 %, 1. Floors left at the score before rules9.
                // A development set from 2026-11-27 17:30 UTC, once set j was written: its failures were read and the
                // rules generalised against them (rules10): 90.4 / 90.4 %, 1 below HIGH and 7 EMERGENCY read as HIGH
                // before; 97.9 / 93.4 % (326 / 333, 311 / 333), 0 and 0 with the model of sets corpus, a-h; then trained
                // on (now in src/main/resources), with the rules' own misses that the model had covered in sets b and g
                // fixed (water going into the next room, a leak's unknown source, water reaching an appliance's plug):
                // 98.2 / 93.7 % (327 / 333, 312 / 333), 0. Fit, not generalisation.
                // After rules11 (model also trained on set j): 98.5 / 93.7 % (328 / 333, 312 / 333), 0. After rules12: unchanged.
                // model14 (step 1, l2 1e-4, 2^18 buckets): 98.5 / 97.0 % (328 / 333, 323 / 333), 0. Floors raised.
                // model14, the model over context (p >= 0.8): 98.5 / 97.0 % (328 / 333, 323 / 333), 0.
                // model14 with set l trained on: 98.5 / 97.0 % (328 / 333, 323 / 333), 0.
                // decide15 (the decision; then sets m and n trained on): 98.5 / 97.0 % (328 / 333, 323 / 333), 0, both times.
                // model16 (word triples, 36 epochs, the labelled sets weighted 3x): 98.5 / 97.0 % (328 / 333, 323 / 333), 0. Floors unchanged.
                // model17 step 2 (the model over a rules HIGH or EMERGENCY when sure; bench/RESULTS-classifier.md): priority 98.8 % (329 / 333). Floors raised (0.984 / 0.969 -> 0.987 / 0.969).
                new LabelledSet("blind-2026-11i.csv", false, 0.987, 0.969, 0),
                // 326 messages, written 2026-11-27 17:10-17:14 UTC (BLIND-SET.md). Blind on main of that hour (rules +
                // learned model after rules9, 9aa4c64; scored before any rule change): priority 85.3 % (278 / 326),
                // service type 87.4 % (285 / 326), 2 of 69 emergencies below HIGH. After rules10 (made without seeing
                // it; scored once at its end): 85.9 / 88.3 % (280 / 326, 288 / 326), 2. Floors left at the score before rules10.
                // A development set from 2026-11-27 18:30 UTC, once set k was written: its failures were read and the
                // rules generalised against them (rules11): 85.9 / 88.3 %, 2 below HIGH and 10 EMERGENCY read as HIGH
                // before; 92.9 / 90.5 % (303 / 326, 295 / 326), 0 and 0 with the model of sets corpus, a-i; then trained
                // on (now in src/main/resources), with one more family (the line jetted as routine upkeep) and a
                // look-alike fixed (a kitchen sink full of its own dirty water): 93.9 / 90.8 % (306 / 326, 296 / 326), 0.
                // Fit, not generalisation. After rules12 (model also trained on set k; "drains fine" made a hint, so a toilet
                // that clogs beside drains said fine keeps its service type): unchanged, 93.9 / 90.8 %, 0.
                // model14 (step 1, l2 1e-4, 2^18 buckets): 93.9 / 94.8 % (306 / 326, 309 / 326), 0. Floors raised.
                // model14, the model over context (p >= 0.8): 95.7 / 95.1 % (312 / 326, 310 / 326), 0. Floors raised.
                // model14 with set l trained on: 95.7 / 94.8 % (312 / 326, 309 / 326), 0. Floors lowered (0.957 / 0.950 -> 0.957 / 0.947).
                // decide15, the decision: 96.0 / 94.8 % (313 / 326, 309 / 326), 0; with sets m and n trained on: unchanged. Floors
                // raised (0.957 / 0.947 -> 0.960 / 0.947).
                // model16 (word triples, 36 epochs, the labelled sets weighted 3x): 96.9 / 95.1 % (316 / 326, 310 / 326), 0. Floors raised (0.960 / 0.947 -> 0.969 / 0.950).
                // model17 step 2 (the model over a rules HIGH or EMERGENCY when sure; bench/RESULTS-classifier.md): priority 98.2 % (320 / 326). Floors raised (0.969 / 0.950 -> 0.981 / 0.950).
                // Merged without its outright reading over a rules EMERGENCY (MessageClassifier.MODEL_OVER_RULES_EMERGENCY): 97.5 %; floors there.
                // model18 (the model's sure MEDIUM over a rules HIGH with a safety cue, MessageClassifier.MODEL_MEDIUM_OVER_SAFETY_CUE): priority 98.2 % (320 / 326). Floors raised (0.975 -> 0.981).
                // MODEL_MEDIUM_OVER_SAFETY_CUE taken out after the merge (an emergency cue with the model against it is
                // conflicting evidence: HIGH at least, issue 19 item 4): priority 97.5 % (318 / 326). Floor there (0.981 -> 0.975).
                new LabelledSet("blind-2026-11j.csv", false, 0.981, 0.953, 0),
                // 353 messages, written 2026-11-27 18:10-18:18 UTC (BLIND-SET.md). Blind on main of that hour (rules +
                // learned model after rules10, 41fc002; scored before any rule change): priority 89.0 % (314 / 353),
                // service type 87.3 % (308 / 353), 4 of 74 emergencies below HIGH. After rules11 (made without seeing it;
                // scored once at its end): 90.4 / 88.4 % (319 / 353, 312 / 353), 4. Floors left at the score before rules11.
                // A development set from 2026-11-27 20:17 UTC, once set l was written: its failures were read and the rules
                // generalised against them (rules12): 90.4 / 88.4 %, 4 below HIGH and 6 EMERGENCY read as HIGH before;
                // 97.7 / 91.5 % (345 / 353, 323 / 353), 0 and 0 with the model of sets corpus, a-j (rules alone 94.9 / 88.4 %,
                // 0); then trained on (now in src/main/resources): 97.7 / 91.8 % (345 / 353, 324 / 353), 0.
                // Fit, not generalisation.
                // Model-first decision (branch blend): 97.5 / 94.9 % (344 / 353, 335 / 353), 0; priority floor lowered
                // 0.977 -> 0.974 (fit to rules tuned on this set). Blind, with the rules and model of its day, the same
                // decision scored 91.8 / 90.4 %, 1 of 74 below HIGH, against 90.4 / 88.4 %, 4 (bench/RESULTS-classifier.md).
                // model14 (step 1, l2 1e-4, 2^18 buckets): 98.3 / 95.2 % (347 / 353, 336 / 353), 0. Floors raised.
                // model14, the model over context (p >= 0.8): 98.6 / 95.2 % (348 / 353, 336 / 353), 0. Floors raised.
                // model14 with set l trained on: 98.6 / 95.2 % (348 / 353, 336 / 353), 0.
                // decide15, the decision: 98.9 / 95.2 % (349 / 353, 336 / 353), 0; with sets m and n trained on: unchanged. Floors
                // raised (0.985 / 0.951 -> 0.988 / 0.951).
                // model16 (word triples, 36 epochs, the labelled sets weighted 3x): 98.9 / 95.2 % (349 / 353, 336 / 353), 0. Floors unchanged.
                // model17 step 2 (the model over a rules HIGH or EMERGENCY when sure; bench/RESULTS-classifier.md): priority 99.2 % (350 / 353). Floors raised (0.988 / 0.951 -> 0.991 / 0.951).
                new LabelledSet("blind-2026-11k.csv", false, 1.000, 0.954, 0),
                // 353 messages, written 2026-11-27 20:07-20:16 UTC (BLIND-SET.md). Blind on main of that hour (rules +
                // learned model after rules11, 1471af2; scored before any rule change): priority 88.1 % (311 / 353),
                // service type 87.5 % (309 / 353), 1 of 77 emergencies below HIGH. After rules12 (printed once):
                // 88.4 / 87.5 %, 1. With the model-first decision (branch blend; chosen on sets j and k scored with the
                // rules and model of the day each was blind), printed once: priority 0.898, service type 0.915,
                // emergencies below HIGH 1 (317 / 353, 323 / 353). Floors raised to those figures.
                // model14 (step 1, l2 1e-4, 2^18 buckets): 89.8 / 92.1 % (317 / 353, 325 / 353), 1. Floors raised.
                // model14 (model step 1, l2 1e-4, 2^18 buckets; the model over context at p >= 0.8), not yet trained on
                // it: 92.1 / 92.9 % (325 / 353, 328 / 353), 1 (bench/RESULTS-classifier.md).
                // A development set since branch model14 (its failures were read there; only general model settings and the
                // model's authority over context were chosen on it, with sets j and k of their day): then trained on (now
                // in src/main/resources). Fit, not generalisation.
                // model14 with set l trained on: 94.3 / 95.5 % (333 / 353, 337 / 353), 0. Floors raised (0.920 / 0.929 -> 0.943 / 0.954).
                // decide15, the decision: 94.6 / 95.5 % (334 / 353, 337 / 353), 0; with sets m and n trained on: unchanged. Floors
                // raised (0.943 / 0.954 -> 0.946 / 0.954).
                // model16 (word triples, 36 epochs, the labelled sets weighted 3x): 95.8 / 95.5 % (338 / 353, 337 / 353), 0. Floors raised (0.946 / 0.954 -> 0.957 / 0.954).
                // model17 step 2 (the model over a rules HIGH or EMERGENCY when sure; bench/RESULTS-classifier.md): priority 96.3 % (340 / 353). Floors raised (0.957 / 0.954 -> 0.963 / 0.954).
                // Merged without its outright reading over a rules EMERGENCY (MessageClassifier.MODEL_OVER_RULES_EMERGENCY): 96.0 %; floors there.
                // model18 (the model's sure MEDIUM over a rules HIGH with a safety cue, MessageClassifier.MODEL_MEDIUM_OVER_SAFETY_CUE): priority 96.9 % (342 / 353). Floors raised (0.960 -> 0.968).
                // MODEL_MEDIUM_OVER_SAFETY_CUE taken out after the merge (an emergency cue with the model against it is
                // conflicting evidence: HIGH at least, issue 19 item 4): priority 96.0 % (339 / 353). Floor there (0.968 -> 0.960).
                // model19 step 2 (the model's reading above the rules' over a negation or resolution at >= 0.7, MessageClassifier.MODEL_RAISES_OVER_CONTEXT; "everywhere" water escaping only when said of water; a cue inside a mention phrase does not count): priority 96.6 % (341 / 353). Floor raised (0.960 -> 0.966).
                new LabelledSet("blind-2026-11l.csv", false, 0.974, 0.957, 0),
                // 345 messages, written 2026-11-27 21:57-22:06 UTC (BLIND-SET.md). Blind on main of that hour (rules after
                // rules12 + the model-first decision, c7a9b3a; scored before any change): priority 91.9 % (317 / 345),
                // service type 89.6 % (309 / 345), 0 of 77 emergencies below HIGH; 83 read as EMERGENCY, 75 of them labelled so.
                // Still never read, so blind again for model14 (chosen on sets j, k and l), printed once after its merge
                // (876fbd6): 93.0 / 91.0 % (321 / 345, 314 / 345), 0 below HIGH; 83 read as EMERGENCY, 75 labelled so.
                // Then read in branch decide15 (its failures, with set n's: the decision's misses by cause): a development set since.
                // Only general decision changes were chosen on it, with sets n and l and confirmed on sets j and k of their day
                // (bench/RESULTS-classifier.md): 93.3 / 91.0 % (322 / 345, 314 / 345), 0 below HIGH; 83 read as EMERGENCY, 76
                // labelled so. Then trained on (now in src/main/resources). Fit, not generalisation.
                // decide15 with sets m and n trained on: 97.1 / 94.5 % (335 / 345, 326 / 345), 0. Floors raised
                // (0.930 / 0.910 -> 0.971 / 0.944).
                // model16 (word triples, 36 epochs, the labelled sets weighted 3x): 98.0 / 94.8 % (338 / 345, 327 / 345), 0. Floors raised (0.971 / 0.944 -> 0.979 / 0.947).
                // model17 step 2 (the model over a rules HIGH or EMERGENCY when sure; bench/RESULTS-classifier.md): priority 98.8 % (341 / 345). Floors raised (0.979 / 0.947 -> 0.988 / 0.947).
                // Merged without its outright reading over a rules EMERGENCY (MessageClassifier.MODEL_OVER_RULES_EMERGENCY): 98.3 %; floors there.
                new LabelledSet("blind-2026-11m.csv", false, 0.997, 0.953, 0),
                // 343 messages, written 2026-11-27 22:59-23:08 UTC (BLIND-SET.md), committed before model14 was merged.
                // Blind on main after model14 (876fbd6; scored once, before any change): priority 93.9 % (322 / 343),
                // service type 92.1 % (316 / 343), 1 of 75 emergencies below HIGH; 78 read as EMERGENCY, 71 labelled so.
                // Then read in branch decide15, with set m: a development set since. Only general decision changes were chosen on it
                // (as set m): 94.2 / 92.1 % (323 / 343, 316 / 343), 1 below HIGH (its blind miss: a gas line hit by a trencher,
                // whistling, read LOW); 77 read as EMERGENCY, 72 labelled so. Then trained on (now in src/main/resources). Fit, not
                // generalisation. decide15 with sets m and n trained on: 96.2 / 94.8 % (330 / 343, 325 / 343), 0. Floors raised
                // (0.938 / 0.921, ceiling 1 -> 0.962 / 0.947, ceiling 0).
                // model16 (word triples, 36 epochs, the labelled sets weighted 3x): 96.8 / 94.8 % (332 / 343, 325 / 343), 0. Floors raised (0.962 / 0.947 -> 0.967 / 0.947).
                // model17 step 2 (the model over a rules HIGH or EMERGENCY when sure; bench/RESULTS-classifier.md): priority 98.8 % (339 / 343). Floors raised (0.967 / 0.947 -> 0.988 / 0.950).
                // Merged without its outright reading over a rules EMERGENCY (MessageClassifier.MODEL_OVER_RULES_EMERGENCY): 98.0 % / 94.8 %; floors there.
                // model18 (the model's EMERGENCY at >= 0.97 over context that settles nothing, MessageClassifier.MODEL_EMERGENCY_OVER_UNSETTLED_CONTEXT): priority 98.3 % (337 / 343). Floors raised (0.979 -> 0.982).
                // stop 26: the signal gasDetected (an instrument finding gas) added to the rules; the model, trained with the
                // rules' word folding (which now knows the new words), now gives line 28 (headaches, a heater running all night, "is this a
                // gas thing": EMERGENCY, still right) WATER_HEATER for GENERAL: service type 94.8 -> 94.5 %. Floor there.
                new LabelledSet("blind-2026-11n.csv", false, 0.991, 0.950, 0),
                // 349 messages, written 2026-11-27 23:41-23:52 UTC (BLIND-SET.md), committed before decide15 was merged.
                // Blind on main after decide15 (7091cd3; scored once, before any change): priority 90.8 % (317 / 349),
                // service type 92.0 % (321 / 349), 1 of 75 emergencies below HIGH; 84 read as EMERGENCY, 74 labelled so.
                // Still never read, so blind again for model16b (chosen on sets m, n held out and j, k of their day), printed
                // once after its merge (6c0e92f): 92.6 / 93.4 % (323 / 349, 326 / 349), 1 below HIGH; 81 read as EMERGENCY, 74 labelled so.
                // Then read in branch model17 (its misses, with those of sets m, n and p, each held out) and trained on (now in
                // src/main/resources): a development set since. Fit, not generalisation. Trained on (model17 step 1):
                // 96.8 / 93.7 % (338 / 349, 327 / 349), 0. Floors raised (0.925 / 0.934, ceiling 1 -> 0.968 / 0.936, ceiling 0).
                // model17 step 2 (the model over a rules HIGH or EMERGENCY when sure; bench/RESULTS-classifier.md): priority 98.0 % (342 / 349). Floors raised (0.968 / 0.936 -> 0.979 / 0.936).
                // Merged without its outright reading over a rules EMERGENCY (MessageClassifier.MODEL_OVER_RULES_EMERGENCY): 97.1 %; floors there.
                // model18 (set q trained on): 96.8 / 93.7 % (338 / 349, 327 / 349), 0. Floors lowered by the new training (0.971 -> 0.968).
                // model18 (the model's sure MEDIUM over a rules HIGH with a safety cue, MessageClassifier.MODEL_MEDIUM_OVER_SAFETY_CUE): priority 97.4 % (340 / 349). Floors raised (0.968 -> 0.974).
                // model18 (the model's EMERGENCY at >= 0.97 over context that settles nothing, MessageClassifier.MODEL_EMERGENCY_OVER_UNSETTLED_CONTEXT): priority 97.7 % (341 / 349). Floors raised (0.974 -> 0.977).
                // MODEL_MEDIUM_OVER_SAFETY_CUE taken out after the merge (an emergency cue with the model against it is
                // conflicting evidence: HIGH at least, issue 19 item 4): priority 97.1 % (339 / 349). Floor there (0.977 -> 0.971).
                // model19 step 2 (the model's reading above the rules' over a negation or resolution at >= 0.7, MessageClassifier.MODEL_RAISES_OVER_CONTEXT; "everywhere" water escaping only when said of water; a cue inside a mention phrase does not count): 97.7 / 94.0 % (341 / 349, 328 / 349). Floors raised (0.971 / 0.936 -> 0.977 / 0.939).
                new LabelledSet("blind-2026-11o.csv", false, 0.982, 0.942, 0),
                // 347 messages, written 2026-11-28 00:12-00:24 UTC (BLIND-SET.md), committed before model16b was merged.
                // Blind on main after model16b (6c0e92f; scored once, before any change): priority 91.4 % (317 / 347),
                // service type 90.8 % (315 / 347), 0 of 76 emergencies below HIGH; 81 read as EMERGENCY, 73 labelled so.
                // Then read in branch model17 (as set o) and trained on (now in src/main/resources): a development set since.
                // Fit, not generalisation. Trained on (model17 step 1): 95.7 / 94.2 % (332 / 347, 327 / 347), 0. Floors raised
                // (0.913 / 0.907 -> 0.956 / 0.942).
                // model17 step 2 (the model over a rules HIGH or EMERGENCY when sure; bench/RESULTS-classifier.md): priority 98.0 % (340 / 347). Floors raised (0.956 / 0.942 -> 0.979 / 0.942).
                // Merged without its outright reading over a rules EMERGENCY (MessageClassifier.MODEL_OVER_RULES_EMERGENCY): 96.8 %; floors there.
                // model18 (set q trained on): 96.5 / 94.2 % (335 / 347, 327 / 347), 0. Floors lowered by the new training (0.968 -> 0.965).
                // model18 (the model's EMERGENCY at >= 0.97 over context that settles nothing, MessageClassifier.MODEL_EMERGENCY_OVER_UNSETTLED_CONTEXT): priority 97.1 % (337 / 347). Floors raised (0.965 -> 0.971).
                // model19 (set r trained on): 96.8 / 94.2 % (336 / 347, 327 / 347), 0. Floor lowered by the new training (0.971 -> 0.968).
                // model19 step 2 (the model's reading above the rules' over a negation or resolution at >= 0.7, MessageClassifier.MODEL_RAISES_OVER_CONTEXT; "everywhere" water escaping only when said of water; a cue inside a mention phrase does not count): service type 94.5 % (328 / 347). Floor raised (0.942 -> 0.945).
                new LabelledSet("blind-2026-11p.csv", false, 0.971, 0.945, 0),
                // 344 messages, written 2026-11-28 01:53-02:06 UTC (BLIND-SET.md), committed before model17 was merged.
                // Blind on main before model17 (6b264f2; totals only): priority 91.6 % (315 / 344), service type 93.9 %
                // (323 / 344), 1 of 75 emergencies below HIGH; 81 read as EMERGENCY, 73 labelled so.
                // Still never read, so blind for model17 (chosen on sets m, n, o, p held out and j, k of their day), printed
                // once after its merge (without its outright reading over a rules EMERGENCY): 92.4 / 93.9 % (318 / 344,
                // 323 / 344), 0 of 75 below HIGH; 83 read as EMERGENCY, 75 labelled so.
                // Then read in branch model18 (its misses, with those of sets m, n, o and p, each held out) and trained on (now in
                // src/main/resources): a development set since. Fit, not generalisation. Held out (model trained on the
                // other seventeen files): 92.4 / 93.9 % (318 / 344, 323 / 344), 0. Trained on (model18 step 1): 95.3 / 94.7 %
                // (328 / 344, 326 / 344), 0. Floors raised (0.924 / 0.938 -> 0.953 / 0.947).
                // model18 (the model's sure MEDIUM over a rules HIGH with a safety cue, MessageClassifier.MODEL_MEDIUM_OVER_SAFETY_CUE): priority 95.6 % (329 / 344). Floors raised (0.953 -> 0.956).
                // MODEL_MEDIUM_OVER_SAFETY_CUE taken out after the merge (an emergency cue with the model against it is
                // conflicting evidence: HIGH at least, issue 19 item 4): priority 95.3 % (328 / 344). Floor there (0.956 -> 0.953).
                new LabelledSet("blind-2026-11q.csv", false, 0.965, 0.953, 0),
                // 348 messages, written 2026-11-28 04:27-04:36 UTC by a helper (BLIND-SET.md), committed before any change.
                // Blind on main before any change (1d0489c = 3db408a's classifier; totals only): priority 94.8 % (330 / 348),
                // service type 89.9 % (313 / 348), 0 of 77 emergencies below HIGH; 81 read as EMERGENCY, 77 labelled so.
                // Still never read, so blind for model18 (set q trained on; chosen on sets m to q held out and j, k of their
                // day), printed once after its merge: 94.8 / 89.9 % (330 / 348, 313 / 348), 0 of 77 below HIGH; 82 read as
                // EMERGENCY, 77 labelled so. Unchanged; one message short of 95 %.
                // Then read in branch model19 (its misses, with those of sets m to q, each held out) and trained on (now in
                // src/main/resources): a development set since. Fit, not generalisation. Held out (model trained on the
                // other eighteen files): 94.8 / 89.9 % (330 / 348, 313 / 348), 0. Trained on (model19 step 1): 97.4 / 92.5 %
                // (339 / 348, 322 / 348), 0. Floors raised (0.948 / 0.899 -> 0.974 / 0.925).
                // model19 step 2 (the model's reading above the rules' over a negation or resolution at >= 0.7, MessageClassifier.MODEL_RAISES_OVER_CONTEXT; "everywhere" water escaping only when said of water; a cue inside a mention phrase does not count): priority 97.7 % (340 / 348). Floor raised (0.974 -> 0.977).
                new LabelledSet("blind-2026-11r.csv", false, 0.985, 0.928, 0),
                // 344 messages (74 emergencies), written 2026-11-28 by a helper (BLIND-SET.md), committed before any change.
                // Blind on main before any change (746274a: model18 without MODEL_MEDIUM_OVER_SAFETY_CUE; totals only):
                // priority 92.7 % (319 / 344), service type 90.7 % (312 / 344), 0 emergencies below HIGH; 80 read as
                // EMERGENCY, 73 of them labelled so.
                // Still never read, so blind for model19 (set r trained on; chosen on sets m to r held out and j, k of their
                // day), printed once after its merge (5026581): 93.3 / 91.3 % (321 / 344, 314 / 344), 0 of 74 below HIGH;
                // 81 read as EMERGENCY, 73 labelled so. Floors there.
                // Then read in branch model21 (its misses, with those of sets t and u, by cause): a development set since,
                // not trained on. Fit, not generalisation. Floors unchanged (321 / 344 = 0.9331, 314 / 344 = 0.9127).
                // model21 (the model's reading over a rules EMERGENCY of water alone at >= 0.7,
                // MessageClassifier.MODEL_OVER_RULES_WATER_EMERGENCY): priority 93.6 % (322 / 344). Floor raised (0.933 -> 0.936).
                // model21 (config/rules.yaml: hot water gone in other words, "shots" no typo of "shooting"): 93.9 / 91.6 %
                // (323 / 344, 315 / 344). Floors raised (0.936 / 0.912 -> 0.938 / 0.915).
                // model22: trained on (now in src/main/resources, with sets s, t, u and v; MessageClassifier's decision changes
                // of model22, bench/RESULTS-classifier.md). Fit, not generalisation: 96.2 / 93.9 % (331 / 344, 323 / 344), 0 below HIGH. Floors raised (0.938 / 0.915 -> 0.962 / 0.938).
                new LabelledSet("blind-2026-11s.csv", false, 0.968, 0.941, 0),
                // 358 messages (76 emergencies), written 2026-11-28 08:50-09:05 UTC by a helper (BLIND-SET.md), committed
                // before any change. Blind on main after model19 (3164e2e; totals only): priority 96.4 % (345 / 358), service
                // type 92.2 % (330 / 358), 1 emergency below HIGH; 78 read as EMERGENCY, 75 of them labelled so.
                // Then its one emergency below HIGH read (stop 26: gas an instrument found, read MEDIUM) and the rules given that
                // shape (signal gasDetected): a development set since, not trained on. Fit, not generalisation: 96.6 %
                // (346 / 358), 92.2 %, 0 below HIGH. Floors there.
                // model22: trained on (now in src/main/resources, with sets s, t, u and v; MessageClassifier's decision changes
                // of model22, bench/RESULTS-classifier.md). Fit, not generalisation: 98.6 / 93.6 % (353 / 358, 335 / 358), 0 below HIGH. Floors raised (0.966 / 0.921 -> 0.986 / 0.935).
                new LabelledSet("blind-2026-11t.csv", false, 0.994, 0.938, 0),
                // 345 messages (79 emergencies), written 2026-11-28 by a helper (BLIND-SET.md, twenty-first set), committed
                // before it was scored. Blind on main after the gasDetected rules (0f424fc; totals only): priority 89.3 %
                // (308 / 345), service type 88.4 % (305 / 345), 0 emergencies below HIGH; 89 read as EMERGENCY, 78 of them
                // labelled so.
                // Then read in branch model21 (its misses, with those of sets s and t, by cause; bench/RESULTS-classifier.md):
                // a development set since, not trained on. Fit, not generalisation. Floors the exact fractions rounded down
                // (308 / 345 = 0.8927, 305 / 345 = 0.8840).
                // model21 (MessageClassifier.MODEL_OVER_RULES_WATER_EMERGENCY, as set s): priority 89.6 % (309 / 345). Floor
                // raised (0.892 -> 0.895).
                // model21 (config/rules.yaml: hot water gone in other words, "shots" no typo of "shooting"): priority 90.7 %
                // (313 / 345). Floor raised (0.895 -> 0.907).
                // model22: trained on (now in src/main/resources, with sets s, t, u and v; MessageClassifier's decision changes
                // of model22, bench/RESULTS-classifier.md). Fit, not generalisation: 95.1 / 93.0 % (328 / 345, 321 / 345), 0 below HIGH. Floors raised (0.907 / 0.884 -> 0.950 / 0.930).
                new LabelledSet("blind-2026-11u.csv", false, 0.965, 0.936, 0),
                // 350 messages (80 emergencies), written 2026-11-28 10:56-11:08 UTC by a helper (BLIND-SET.md, twenty-second
                // set), committed before it was scored. Blind on main before any change for it (4d253ed; totals only):
                // priority 91.7 % (321 / 350), service type 88.0 % (308 / 350), 0 emergencies below HIGH; 86 read as
                // EMERGENCY, 77 of them labelled so.
                // Then read in branch model22 (its misses held out, by cause) and trained on (now in src/main/resources, with
                // sets s, t and u): a development set since. Held out (model trained on the other 22 files, model22's
                // decision): 92.6 % (324 / 350), 0 below HIGH. Fit, not generalisation: 96.9 / 91.1 % (339 / 350, 319 / 350),
                // 0 below HIGH. Floors raised (0.917 / 0.880 -> 0.968 / 0.911).
                // model22 step 2 (config/rules.yaml: no fixture overflowing in a thing run over by a vehicle or lint all over
                // an outside wall; "eggy" a gas smell word): priority 97.4 % (341 / 350); held out (harness) 324 -> 326.
                // Floor raised (0.968 -> 0.974).
                new LabelledSet("blind-2026-11v.csv", false, 0.982, 0.914, 0),
                // 342 messages (76 emergencies), written 2026-11-28 by 12:16 UTC by a helper (BLIND-SET.md, twenty-third set),
                // committed before it was scored. Blind on main before any change for it (after model21; totals only):
                // priority 93.0 % (318 / 342), service type 90.1 % (308 / 342), 0 emergencies below HIGH; 87 read as
                // EMERGENCY, 76 of them labelled so. Still never read, so blind for model22 (sets s to v trained on, v's misses
                // read held out), printed once after its merge (4aca999), totals only: priority 93.3 % (319 / 342), service type
                // 90.6 % (310 / 342), 0 below HIGH; 86 read as EMERGENCY, 76 labelled so. Floors there.
                // Then used (read in branch model23, its messages printed where a candidate changed their reading): a
                // development set since, not trained on (training on it measured lower held out, bench/RESULTS-classifier.md).
                // model23 (MODEL_LOW_OVER_RULES_MEDIUM, MODEL_LOW_OVER_RULES_HIGH): 93.6 / 90.6 % (320 / 342, 310 / 342), 0
                // below HIGH; 86 read as EMERGENCY, 76 labelled so. Floor raised (0.932 -> 0.935).
                new LabelledSet("blind-2026-11w.csv", false, 0.964, 0.929, 0),
                // 352 messages (77 emergencies), written 2026-11-28 by 14:06 UTC by a helper (BLIND-SET.md, twenty-fourth set),
                // committed before it was scored. Blind on main before any change for it (after model22; totals only):
                // priority 95.5 % (336 / 352), service type 91.8 % (323 / 352), 0 emergencies below HIGH; 81 read as
                // EMERGENCY, 77 of them labelled so. Floors the exact fractions rounded down. Still never read, so blind for
                // model23 (MODEL_LOW_OVER_RULES_MEDIUM, MODEL_LOW_OVER_RULES_HIGH), printed once after its merge, totals only:
                // unchanged (336 / 352, 323 / 352, 0 below HIGH, 81 read as EMERGENCY, 77 labelled so). Still blind for
                // model24 (sewageOut, HAPPENING_NOW, the model's MEDIUM over a rules HIGH from 0.7), printed once after its
                // merge, totals only: priority 95.7 % (337 / 352), service type 91.8 % (323 / 352), 0 below HIGH, 81 read as
                // EMERGENCY, 77 labelled so. Floor raised (0.954 -> 0.957). Still blind for model26 (the families of sets z
                // and aa), printed once after its merge, totals only: unchanged (337 / 352, 323 / 352, 0 below HIGH, 81 read
                // as EMERGENCY, 77 labelled so). Still blind for model27 (resolution.explanations), printed once, totals only:
                // unchanged. Still blind for model28 (spraying only while a fixture is in use; a sewer smell with the drains
                // only slow), printed once, totals only: priority 96.3 % (339 / 352), service type 91.5 % (322 / 352, one
                // fewer: the development sets' service types measured +4 and the 10-fold cross-validation's +2 for the same
                // change, so it is kept and the floor is this measurement), 0 below HIGH, 79 read as EMERGENCY, 77 labelled
                // so. Floors now 0.963 / 0.914.
                new LabelledSet("blind-2026-11x.csv", false, 0.988, 0.948, 0),
                // 337 messages (76 emergencies), written 2026-11-28 by 14:29 UTC by a helper (BLIND-SET.md, twenty-fifth set),
                // committed before it was scored. Blind on main before any change for it (after model22 and the scoring of
                // set x; totals only): priority 94.1 % (317 / 337), service type 91.4 % (308 / 337), 0 emergencies below
                // HIGH; 81 read as EMERGENCY, 75 of them labelled so. Floors the exact fractions rounded down. Still never
                // read, so blind for model23, printed once after its merge, totals only: priority 94.4 % (318 / 337), service
                // type 91.4 % (308 / 337), 0 below HIGH; 81 read as EMERGENCY, 75 labelled so. Floor raised (0.940 -> 0.943).
                // After model24, printed once, totals only: unchanged (318 / 337, 308 / 337, 0 below HIGH).
                // After model26, printed once, totals only: priority unchanged (318 / 337), service type 91.4 % (308 / 337),
                // 0 below HIGH, 81 read as EMERGENCY, 75 labelled so.
                new LabelledSet("blind-2026-11y.csv", false, 0.982, 0.931, 0),
                // 340 messages (76 emergencies), written 2026-11-28 17:10-17:25 UTC by a helper (BLIND-SET.md, twenty-seventh
                // set), committed before it was scored. Blind on main before any change for it (after model23; totals only):
                // priority 92.1 % (313 / 340), service type 89.7 % (305 / 340), 1 emergency below HIGH; 81 read as EMERGENCY,
                // 73 of them labelled so. Floors the exact fractions rounded down; the one emergency below HIGH is the ceiling
                // until it is read (not yet: the set stays blind for the next change).
                // After model24, printed once, totals only: unchanged. Then (stop 29, 18:00 UTC) its emergency below HIGH was
                // read: USED since, a development set for the next change (kept printing totals only).
                // model26 (the families of sets z and aa read: a line that let go, a flush upstairs coming out below, "never
                // mind the X", "about to burst a pipe", eggs only with the hot water): 93.2 / 90.3 % (317 / 340, 307 / 340),
                // 0 below HIGH; 81 read as EMERGENCY, 74 labelled so. Floors raised, ceiling 0.
                new LabelledSet("blind-2026-11aa.csv", false, 0.976, 0.932, 0),
                // 304 messages (76 emergencies), written 2026-11-28 by 17:33 UTC by a helper (BLIND-SET.md, twenty-sixth set;
                // the writer notes that some short rows repeat situations quoted for earlier sets), committed before it was
                // scored. Blind on main before any change for it (after model23 and set aa's scoring; totals only): priority
                // 94.7 % (288 / 304), service type 89.5 % (272 / 304), 1 emergency below HIGH; 77 read as EMERGENCY, 74 of
                // them labelled so. Floors the exact fractions rounded down; the ceiling is the one emergency below HIGH.
                // After model24, printed once, totals only: unchanged. Then (stop 29, 18:00 UTC) its emergency below HIGH was
                // read (and every miss of set z printed with it): USED since, a development set for the next change (kept printing totals only).
                // model26 (see set aa): 95.4 / 89.8 % (290 / 304, 273 / 304), 0 below HIGH; 77 read as EMERGENCY, 75 labelled
                // so. Floors raised, ceiling 0.
                new LabelledSet("blind-2026-11z.csv", false, 0.980, 0.927, 0),
                // 352 messages (79 emergencies), written 2026-11-28 21:21-21:39 UTC by a helper (BLIND-SET.md, thirtieth set;
                // the letters ab and ac went to two helpers that had written nothing by the end of stop 30), committed before it was scored. Blind on
                // main after model26, before any change for it (totals only): priority 94.0 % (331 / 352), service type
                // 90.6 % (319 / 352), 0 emergencies below HIGH; 86 read as EMERGENCY, 78 of them labelled so. Floors the
                // exact fractions rounded down.
                // model31 (stop 32): service type 319 -> 318 / 352 (the floor failed; the message was not read) when intravenous care
                // and ostomies became medical care (+2 held out in cross-validation, set s +1): kept, the floor set to it.
                new LabelledSet("blind-2026-11ad.csv", false, 0.974, 0.934, 0),
                // 339 messages (75 emergencies), written 2026-11-28 by 22:11 UTC by a helper who, starting late, read only the
                // guide's first 150 lines (the labelling rules, not the later sets' judgement calls) and wrote many short, plain
                // rows (BLIND-SET.md, thirty-first set), committed before it was scored. Blind on main after model26, before
                // any change for it (totals only): priority 96.8 % (328 / 339), service type 91.7 % (311 / 339), 0 emergencies
                // below HIGH; 76 read as EMERGENCY, 73 of them labelled so. Floors the exact fractions rounded down.
                new LabelledSet("blind-2026-11ae.csv", false, 0.991, 0.976, 0),
                // 336 messages (76 emergencies), written 2026-11-28 23:49-00:01 UTC by a helper (BLIND-SET.md, thirty-third set;
                // long messages, median 174 characters), committed before it was scored. Blind on main after model26, before
                // any change for it (totals only): priority 89.0 % (299 / 336), service type 85.7 % (288 / 336), 0 emergencies
                // below HIGH; 89 read as EMERGENCY, 75 of them labelled so. Floors the exact fractions rounded down.
                // Still never read, so blind for model27 (resolution.explanations), printed once, totals only: priority
                // 89.3 % (300 / 336), service type 85.7 % (288 / 336), 0 below HIGH, 88 read as EMERGENCY, 75 labelled so.
                // Floor raised (0.889 -> 0.892). Sets x, y, ad, ae and ab, printed in the same run: unchanged.
                new LabelledSet("blind-2026-11ac.csv", false, 0.934, 0.875, 0),
                // 366 messages (83 emergencies), written 2026-11-28/29 23:48-00:03 UTC by a helper (BLIND-SET.md, thirty-second
                // set; median 161 characters), committed before it was scored. Blind on main after model26 and set ac's
                // scoring, before any change for it (totals only): priority 93.7 % (343 / 366), service type 83.9 % (307 / 366),
                // 0 emergencies below HIGH; 86 read as EMERGENCY, 82 of them labelled so. Floors the exact fractions rounded down.
                // model31 (stop 32): priority 344 -> 343 / 366 and service type 307 -> 306 (the floors failed; the message was not
                // read). model31's two rules (headaches beside a fuel-burning appliance, a gas line heard hissing) close two
                // emergencies the rules alone read LOW, +2 in cross-validation and no development set lower: kept, and the
                // floors set to the new measurement.
                new LabelledSet("blind-2026-11ab.csv", false, 0.967, 0.863, 0),
                // 332 messages (73 emergencies), written 2026-11-29 01:26-01:30 UTC by a helper who, cut off by an error and
                // resuming with 19 minutes left, read only the guide's first 140 lines and a dozen later judgement calls
                // (BLIND-SET.md, thirty-fifth set; median 85 characters), committed before it was scored. Blind on main after
                // model29, before any change for it (totals only): priority 97.6 % (324 / 332), service type 93.1 % (309 / 332),
                // 0 emergencies below HIGH; 78 read as EMERGENCY, 73 of them labelled so. Floors the exact fractions rounded
                // down. Hurried like set ae: reported, not leaned on.
                new LabelledSet("blind-2026-11ag.csv", false, 0.984, 0.954, 0),
                // 330 messages (74 emergencies), written 2026-11-29 01:33-01:36 UTC by a helper that started late and read only
                // the guide's first 120 lines (BLIND-SET.md, thirty-fourth set; median 72 characters), committed before it was
                // scored. Blind on main after model29 and set ag's scoring, before any change for it (totals only): priority
                // 96.7 % (319 / 330), service type 92.1 % (304 / 330), 0 emergencies below HIGH; 76 read as EMERGENCY, 73 of
                // them labelled so. Floors the exact fractions rounded down. Hurried like sets ae and ag: reported, not leaned on.
                new LabelledSet("blind-2026-11af.csv", false, 0.987, 0.975, 0),
                // 350 messages (79 emergencies) and 365 messages (80 emergencies), written 2026-11-29 02:18-02:45 UTC by two
                // helpers that each printed the whole guide first (BLIND-SET.md, thirty-sixth and thirty-seventh sets; median 130
                // and 132 characters), committed before they were scored. Blind on main with model29, before any change for
                // them (totals only): ah priority 95.4 % (334 / 350), service type 91.4 % (320 / 350), 0 emergencies below HIGH,
                // 85 read as EMERGENCY (79 of them labelled so); ai priority 92.9 % (339 / 365), service type 90.1 % (329 / 365),
                // 0 below HIGH, 82 read as EMERGENCY (78 labelled so). Floors the exact fractions rounded down.
                new LabelledSet("blind-2026-11ah.csv", false, 0.977, 0.925, 0),
                new LabelledSet("blind-2026-11ai.csv", false, 0.967, 0.945, 0),
                // 365 messages (82 emergencies) and 407 messages (88 emergencies), written 2026-11-29 02:50-03:12 UTC by two
                // helpers that each printed the whole guide first (BLIND-SET.md, thirty-eighth and thirty-ninth sets), committed
                // before they were scored; scored once, on main with model30 (stop 32), totals only: aj priority 92.3 % (337 /
                // 365), service type 89.9 % (328 / 365), 0 below HIGH, 88 read as EMERGENCY (80 labelled so); ak 93.4 % (380 /
                // 407), 85.5 % (348 / 407), 0 below HIGH, 94 read as EMERGENCY (88 labelled so). Floors the exact fractions
                // rounded down. (model30 also raised the floors of the sets above to its own measurement, printed once.)
                new LabelledSet("blind-2026-11aj.csv", false, 0.967, 0.928, 0),
                new LabelledSet("blind-2026-11ak.csv", false, 0.970, 0.869, 0),
                // 351 messages (79 emergencies) and 356 messages (79 emergencies), written 2026-11-29 03:31-03:46 UTC by two
                // helpers that each printed the whole guide first (BLIND-SET.md, fortieth and forty-first sets; median 138 and 148
                // characters), committed before they were scored; scored once, on main with model31, totals only: al priority
                // 92.6 % (325 / 351), service type 88.9 % (312 / 351), 0 below HIGH, 88 read as EMERGENCY (79 labelled so); am
                // 93.3 % (332 / 356), 85.1 % (303 / 356), 0 below HIGH, 85 read as EMERGENCY (77 labelled so). Floors the exact
                // fractions rounded down.
                new LabelledSet("blind-2026-11al.csv", false, 0.965, 0.920, 0),
                new LabelledSet("blind-2026-11am.csv", false, 0.969, 0.882, 0),
                // 356 messages (80 emergencies) and 342 messages (75 emergencies), written 2026-11-29 04:32-04:45 UTC by two
                // helpers that each printed the whole guide first (BLIND-SET.md, forty-second and forty-third sets; median 144
                // and 128 characters), committed before they were scored; scored once, on main with model31 (stop 33), totals
                // only: an priority 94.1 % (335 / 356), service type 89.0 % (317 / 356), 0 below HIGH, 86 read as EMERGENCY (79
                // labelled so); ao 92.4 % (316 / 342), 90.4 % (309 / 342), 0 below HIGH, 77 read as EMERGENCY (74 labelled so).
                // Floors the exact fractions rounded down.
                new LabelledSet("blind-2026-11an.csv", false, 0.955, 0.901, 0),
                new LabelledSet("blind-2026-11ao.csv", false, 0.964, 0.929, 0),
                // 337 messages (75 emergencies) and 344 messages (79 emergencies), written 2026-11-29 05:42-05:57 UTC by two
                // helpers that each printed the whole guide first (BLIND-SET.md, forty-fourth and forty-fifth sets; median 158
                // and 168 characters), committed before they were scored; scored once, on main with model32 (stop 33), totals
                // only: ap priority 95.5 % (322 / 337), service type 88.4 % (298 / 337), 0 below HIGH, 77 read as EMERGENCY (74
                // labelled so); aq 91.9 % (316 / 344), 87.2 % (300 / 344), 0 below HIGH, 81 read as EMERGENCY (75 labelled so).
                // Floors the exact fractions rounded down.
                new LabelledSet("blind-2026-11ap.csv", false, 0.973, 0.893, 0),
                new LabelledSet("blind-2026-11aq.csv", false, 0.953, 0.892, 0),
                // 332 messages (75 emergencies) and 348 messages (76 emergencies), written 2026-11-29 from 10:00 UTC by two
                // helpers that each printed the whole guide first (BLIND-SET.md, forty-sixth and forty-seventh sets),
                // committed before they were scored; scored once, on main with model32 (stop 35), totals only: ar priority
                // 93.4 % (310 / 332), service type 90.1 % (299 / 332), 0 below HIGH, 82 read as EMERGENCY (72 labelled so);
                // as 92.5 % (322 / 348), 87.9 % (306 / 348), 0 below HIGH, 83 read as EMERGENCY (75 labelled so).
                // Floors the exact fractions rounded down.
                new LabelledSet("blind-2026-11ar.csv", false, 0.960, 0.912, 0),
                new LabelledSet("blind-2026-11as.csv", false, 0.965, 0.908, 0),
                // 346 messages (77 emergencies) and 343 messages (76 emergencies), written 2026-11-29 12:05-12:15 UTC by two
                // helpers who each read the whole guide (BLIND-SET.md, forty-eighth and forty-ninth sets), committed before they
                // were scored. Blind on main (e2ee095, model32; totals only): at 95.7 % (331 / 346), service type 89.0 %
                // (308 / 346), 0 emergencies below HIGH, 83 read as EMERGENCY (77 labelled so); au 94.8 % (325 / 343), service
                // type 89.2 % (306 / 343), 0 below HIGH, 84 read as EMERGENCY (76 labelled so). Floors the exact fractions
                // rounded down.
                // Still blind for model36 (sets w to as trained on), printed once after the change, totals only: at 95.4 %
                // (330 / 346), service type 89.0 % (308 / 346), 0 below HIGH, 82 read as EMERGENCY (77 labelled so); au 95.9 %
                // (329 / 343), service type 91.0 % (312 / 343), 0 below HIGH, 82 read as EMERGENCY (76 labelled so). Together
                // 659 / 689 against 656 / 689 on model32. Floors the exact fractions rounded down (at 0.956 -> 0.953: one
                // message fewer; au 0.947 -> 0.959, 0.892 -> 0.909).
                new LabelledSet("blind-2026-11at.csv", false, 0.973, 0.898, 0),
                new LabelledSet("blind-2026-11au.csv", false, 0.967, 0.912, 0),
                // 354 messages (78 emergencies) and 356 messages (79 emergencies), written 2026-11-29 12:47-12:59 UTC by two
                // helpers who each read the whole guide (BLIND-SET.md, fiftieth and fifty-first sets), committed before they
                // were scored. Blind on main with model36 (c195988; totals only): av 95.2 % (337 / 354), service type 91.2 %
                // (323 / 354), 0 emergencies below HIGH, 80 read as EMERGENCY (76 labelled so); aw 94.1 % (335 / 356), service
                // type 89.6 % (319 / 356), 0 below HIGH, 89 read as EMERGENCY (79 labelled so). Floors the exact fractions
                // rounded down.
                // model37: trained on, so development sets now (fit, not generalisation).
                new LabelledSet("blind-2026-11av.csv", false, 0.974, 0.918, 0),
                new LabelledSet("blind-2026-11aw.csv", false, 0.977, 0.921, 0),
                // 341, 357, 350 and 342 messages (75, 82, 78 and 76 emergencies), written 2026-11-29 14:50-15:00 UTC by four
                // helpers who each read the whole guide (BLIND-SET.md, fifty-second to fifty-fifth sets), committed before
                // they were scored. Scored on main with model36 (cf6ed72), then on model37 (its training chosen before, on sets
                // at to aw held out by writer), totals only. Priority the same on both: ax 94.1 % (321 / 341), ay 97.2 %
                // (347 / 357), az 94.6 % (331 / 350), ba 97.7 % (334 / 342): 1,333 / 1,390 = 95.9 %, 0 emergencies below
                // HIGH; read as EMERGENCY 83, 84, 83, 81 (labelled so 75, 82, 75, 76). Service type on model37 (model36): ax
                // 88.9 % (89.1), ay 92.7 (92.7), az 88.9 (88.9), ba 89.8 (89.2). Floors the exact fractions rounded down.
                new LabelledSet("blind-2026-11ax.csv", true, 0.941, 0.888, 0),
                new LabelledSet("blind-2026-11ay.csv", true, 0.971, 0.927, 0),
                new LabelledSet("blind-2026-11az.csv", true, 0.945, 0.888, 0),
                new LabelledSet("blind-2026-11ba.csv", true, 0.976, 0.897, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void scoresNoWorseThanWhenLastMeasured(LabelledSet set) throws Exception {
        Scorecard card = Scorecard.of("/classification/" + set.file());
        String report = card.report(set.toString());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", set.name() + "-score.txt"), report);
        System.out.println(set.blind()
                ? "%s: priority %.3f, service type %.3f, emergencies below HIGH %d, read as EMERGENCY %d (labelled so %d), %d messages"
                        .formatted(set, card.priorityAccuracy(), card.serviceTypeAccuracy(), card.emergenciesBelowHigh().size(),
                                card.emergencyAlerts().read(), card.emergencyAlerts().labelledEmergency(), card.rows.size())
                : report);

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(card.rows).as("messages").hasSizeGreaterThanOrEqualTo(300);
        softly.assertThat(card.priorityAccuracy()).as("priority").isGreaterThanOrEqualTo(set.priorityFloor());
        softly.assertThat(card.serviceTypeAccuracy()).as("service type").isGreaterThanOrEqualTo(set.serviceTypeFloor());
        softly.assertThat(card.emergenciesBelowHigh()).as("emergencies below HIGH")
                .hasSizeLessThanOrEqualTo(set.emergenciesBelowHighCeiling());
        softly.assertAll();
    }
}
