package com.plumbline.intake.rules;

import java.nio.file.Path;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The real config/rules.yaml, loaded by hand (no Spring context) for the tests, with the model the
 * application trains at start-up (the shipped labelled files; no extra training folder).
 */
final class TestRules {

    static final Path RULES_FILE = Path.of("config/rules.yaml");

    /** The shipped training files as {@link ModelProperties} lists them by default (one list, kept there). */
    static final ModelProperties MODEL = new ModelProperties(true, new Binder(new MapConfigurationPropertySource())
            .bindOrCreate("intake.model", ModelProperties.class).training(), null, null);

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
