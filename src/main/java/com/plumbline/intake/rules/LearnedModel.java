package com.plumbline.intake.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The statistical classifier beside the rules: a {@link TextModel} trained from labelled messages with the
 * rules' own word folding, so it reads "floding", "toliet" and "tuberías" the way the rules do.
 * {@link MessageClassifier} asks it only where the rules are unsure or silent; the rules' emergency cues and
 * the safety floor still apply to what it says. Immutable; retrained from scratch at start-up.
 */
public final class LearnedModel {

    private static final Logger LOG = LoggerFactory.getLogger(LearnedModel.class);

    private final TextModel model;
    private final TextNormaliser trainedWith;
    /** A later rules version whose folding equals {@link #trainedWith}: its tokens can be used as they are. */
    private volatile TextNormaliser compatible;

    private LearnedModel(TextModel model, TextNormaliser trainedWith) {
        this.model = model;
        this.trainedWith = trainedWith;
        this.compatible = trainedWith;
    }

    /** A labelled message and how many times it counts in training ({@link #weightOf}, {@link #CORRECTION_WEIGHT}). */
    record Weighted(LabelledCsv.Example example, int weight) {
    }

    /** A message of weight n is one example whose training step is n times as long (model16b), not n copies. */
    static LearnedModel train(TextNormaliser normaliser, List<Weighted> examples, TextModel.Settings settings) {
        Iterable<TextModel.Example> folded = () -> examples.stream()
                .map(w -> new TextModel.Example(normaliser.tokenize(w.example().text()), w.example().priority(),
                        w.example().serviceType(), w.weight()))
                .iterator();
        return new LearnedModel(TextModel.train(folded, settings), normaliser);
    }

    /**
     * How many times a message of a labelled set (every shipped training file but the corpus) counts in training. The
     * hand-written corpus was written with the rules; the sets were written in customers' own style, the style the model
     * has to read (each file held out in turn, model alone: 93.86 % -> 94.43 % mean priority at 3; model16 in
     * bench/RESULTS-classifier.md).
     */
    static final int LABELLED_SET_WEIGHT = 3;

    /**
     * How many times a message of {@code resource} counts in training: the hand-written corpus once, a labelled set 3x.
     * {@link #train} makes each message one example of that weight (one step 3x as long,
     * model16b): the same pull as three copies for a third of the work.
     */
    static int weightOf(String resource) {
        return resource.endsWith("/corpus.csv") || resource.equals("corpus.csv") ? 1 : LABELLED_SET_WEIGHT;
    }

    /**
     * How many times a message of the extra folder (staff corrections) counts in training: they are few beside the
     * thousands of shipped messages, and each is a case the shipped model got wrong (three times a labelled set's).
     */
    static final int CORRECTION_WEIGHT = 3 * LABELLED_SET_WEIGHT;

    /** The model of {@code intake.model}: the shipped labelled files plus every CSV in the extra folder. */
    public static LearnedModel load(RulesBook rules, ModelProperties properties) {
        List<Weighted> examples = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        try {
            for (String resource : properties.training()) {
                LabelledCsv.readResource(resource).forEach(e -> examples.add(new Weighted(e, weightOf(resource))));
                sources.add(resource);
            }
            Path extra = properties.extraTraining();
            if (extra != null && Files.isDirectory(extra)) {
                try (Stream<Path> files = Files.list(extra)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
                        LabelledCsv.read(file).forEach(e -> examples.add(new Weighted(e, CORRECTION_WEIGHT)));
                        sources.add(file.toString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model's training data: " + e.getMessage(), e);
        }
        return trainedOnce(rules.current().normaliser(), examples, sources, new ModelCache(properties.cache()));
    }

    /** The last model {@link #load} trained or read, and its {@link ModelCache#key}. */
    private record Trained(String key, LearnedModel model) {
    }

    private static Trained lastTrained;

    /**
     * The model for these examples and this word folding: the one this JVM made last from the same ones (the test suite
     * starts some twenty contexts in one JVM, issue 20), else the one saved in the cache folder, else a new one, trained
     * (deterministic: fixed seed) and saved there.
     */
    private static synchronized LearnedModel trainedOnce(TextNormaliser normaliser, List<Weighted> examples,
                                                         List<String> sources, ModelCache cache) {
        long started = System.nanoTime();
        String key = ModelCache.key(examples, normaliser, TextModel.Settings.DEFAULT);
        if (lastTrained != null && lastTrained.key().equals(key)) {
            LOG.info("Classification model: the one this JVM made from the same {} labelled messages and word folding",
                    lastTrained.model().examples());
            return lastTrained.model();
        }
        TextModel saved = cache.read(key, TextModel.Settings.DEFAULT);
        LearnedModel model;
        if (saved != null) {
            model = new LearnedModel(saved, normaliser);
            LOG.info("Classification model of {} labelled messages read from its cache in {} ms (trained before from {})",
                    model.examples(), (System.nanoTime() - started) / 1_000_000, sources);
        } else {
            model = train(normaliser, examples, TextModel.Settings.DEFAULT);
            LOG.info("Classification model trained on {} labelled messages ({} with repeats counted) in {} ms from {}",
                    model.examples(), examples.stream().mapToInt(Weighted::weight).sum(), (System.nanoTime() - started) / 1_000_000,
                    sources);
            cache.write(key, model.model);
        }
        lastTrained = new Trained(key, model);
        return model;
    }

    int examples() {
        return model.examples();
    }

    /**
     * The model's reading of a message the rules already tokenised (their tokens are reused when the folding is the same).
     *
     * @param withServices false: the priority head alone, for a caller that keeps the rules' service type
     */
    TextModel.Prediction predict(CompiledRules rules, TextNormaliser.Tokens ruleTokens, String text, boolean withServices) {
        TextNormaliser normaliser = rules.normaliser();
        if (normaliser != compatible) {
            if (!normaliser.foldsLike(trainedWith)) {
                return model.predict(trainedWith.tokenize(text), withServices);
            }
            compatible = normaliser;
        }
        return model.predict(ruleTokens, withServices);
    }

    /** For tests: the model alone on a text. */
    TextModel.Prediction predict(String text) {
        return model.predict(trainedWith.tokenize(text));
    }
}
