package com.plumbline.intake.rules;

import java.nio.file.Path;
import java.util.List;

/**
 * The real config/rules.yaml, loaded by hand (no Spring context) for the tests, with the model the
 * application trains at start-up (the shipped labelled files; no extra training folder).
 */
final class TestRules {

    static final Path RULES_FILE = Path.of("config/rules.yaml");

    static final ModelProperties MODEL = new ModelProperties(true,
            List.of("/classification/corpus.csv", "/classification/blind-2026-11.csv", "/classification/blind-2026-11b.csv",
                    "/classification/blind-2026-11c.csv", "/classification/blind-2026-11d.csv",
                    "/classification/blind-2026-11e.csv", "/classification/blind-2026-11f.csv",
                    "/classification/blind-2026-11g.csv", "/classification/blind-2026-11h.csv",
                    "/classification/blind-2026-11i.csv", "/classification/blind-2026-11j.csv",
                    "/classification/blind-2026-11k.csv"),
            null);

    private static final RulesBook RULES = new RulesBook(RULES_FILE);
    private static final MessageClassifier RULES_ONLY = new MessageClassifier(RULES);
    private static final MessageClassifier CLASSIFIER = new MessageClassifier(RULES, MODEL);

    private TestRules() {
    }

    /** Rules and model, as the application classifies. */
    static MessageClassifier classifier() {
        return CLASSIFIER;
    }

    /** The rules alone. */
    static MessageClassifier rulesOnly() {
        return RULES_ONLY;
    }

    static RulesBook rules() {
        return RULES;
    }
}
