package com.plumbline.intake.rules;

import java.nio.file.Path;

/** The real config/rules.yaml, loaded by hand (no Spring context) for the tests. */
final class TestRules {

    static final Path RULES_FILE = Path.of("config/rules.yaml");

    private static final MessageClassifier CLASSIFIER = new MessageClassifier(new RulesBook(RULES_FILE));

    private TestRules() {
    }

    static MessageClassifier classifier() {
        return CLASSIFIER;
    }
}
