package com.plumbline.intake.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trained model kept on disk (issue 15: start-up), read back only for exactly what trained it. */
class ModelCacheTest {

    private static final List<String> TEXTS = List.of("water pouring through the kitchen ceiling and we cant shut it off",
            "can I get a quote for a new water heater", "the bathroom sink drains slow", "hay olor a gas en la cocina",
            "toilet keeps running all night", "");

    private static List<LearnedModel.Weighted> corpus() throws IOException {
        return LabelledCsv.readResource("/classification/corpus.csv").stream()
                .map(e -> new LearnedModel.Weighted(e, 1)).toList();
    }

    private static TextNormaliser normaliser() {
        return TestRules.rules().current().normaliser();
    }

    private static TextModel train(List<LearnedModel.Weighted> examples) {
        List<TextModel.Example> folded = new ArrayList<>();
        for (LearnedModel.Weighted w : examples) {
            folded.add(new TextModel.Example(normaliser().tokenize(w.example().text()), w.example().priority(),
                    w.example().serviceType(), w.weight()));
        }
        return TextModel.train(folded, TextModel.Settings.DEFAULT);
    }

    private static void assertSamePredictions(TextModel read, TextModel trained) {
        assertThat(read.examples()).isEqualTo(trained.examples());
        for (String text : TEXTS) {
            TextModel.Prediction a = read.predict(normaliser().tokenize(text));
            TextModel.Prediction b = trained.predict(normaliser().tokenize(text));
            assertThat(a.priorities()).as(text).containsExactly(b.priorities());
            assertThat(a.services()).as(text).containsExactly(b.services());
            assertThat(a.known()).as(text).isEqualTo(b.known());
        }
    }

    private static List<Path> models(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".model")).toList();
        }
    }

    @Test
    void aSavedModelReadsBackWeightForWeight(@TempDir Path folder) throws Exception {
        List<LearnedModel.Weighted> examples = corpus();
        String key = ModelCache.key(examples, normaliser(), TextModel.Settings.DEFAULT);
        TextModel trained = train(examples);
        ModelCache cache = new ModelCache(folder);
        assertThat(cache.read(key, TextModel.Settings.DEFAULT)).as("nothing saved yet").isNull();

        cache.write(key, trained);

        assertThat(models(folder)).containsExactly(folder.resolve(key + ".model"));
        assertSamePredictions(cache.read(key, TextModel.Settings.DEFAULT), trained);
        TextModel.Settings other = new TextModel.Settings(16, true, true, 48, 1.0, 12, 1e-4);
        assertThat(cache.read(key, other)).as("saved with other settings").isNull();
    }

    @Test
    void theKeyChangesWithAnythingTrainingReads() throws Exception {
        List<LearnedModel.Weighted> examples = corpus();
        String key = ModelCache.key(examples, normaliser(), TextModel.Settings.DEFAULT);
        assertThat(ModelCache.key(corpus(), normaliser(), TextModel.Settings.DEFAULT)).as("the same inputs").isEqualTo(key);

        LabelledCsv.Example first = examples.get(0).example();
        List<LearnedModel.Weighted> relabelled = new ArrayList<>(examples);
        Priority otherPriority = first.priority() == Priority.LOW ? Priority.HIGH : Priority.LOW;
        relabelled.set(0, new LearnedModel.Weighted(new LabelledCsv.Example(first.line(), first.text(), otherPriority,
                first.serviceType()), 1));
        List<LearnedModel.Weighted> reweighted = new ArrayList<>(examples);
        reweighted.set(0, new LearnedModel.Weighted(first, 3));
        List<LearnedModel.Weighted> reworded = new ArrayList<>(examples);
        reworded.set(0, new LearnedModel.Weighted(new LabelledCsv.Example(first.line(), first.text() + "!", first.priority(),
                first.serviceType()), 1));
        TextNormaliser otherFolding = new TextNormaliser(Map.of("watter", "water"), Set.of("but"), 20_000);

        assertThat(Stream.of(
                ModelCache.key(relabelled, normaliser(), TextModel.Settings.DEFAULT),
                ModelCache.key(reweighted, normaliser(), TextModel.Settings.DEFAULT),
                ModelCache.key(reworded, normaliser(), TextModel.Settings.DEFAULT),
                ModelCache.key(examples.subList(1, examples.size()), normaliser(), TextModel.Settings.DEFAULT),
                ModelCache.key(examples, otherFolding, TextModel.Settings.DEFAULT),
                ModelCache.key(examples, normaliser(), new TextModel.Settings(18, true, true, 47, 1.0, 12, 1e-4))))
                .doesNotContain(key)
                .doesNotHaveDuplicates();
    }

    @Test
    void aFileThatDoesNotReadIsTrainedAgainNotUsed(@TempDir Path folder) throws Exception {
        List<LearnedModel.Weighted> examples = corpus();
        String key = ModelCache.key(examples, normaliser(), TextModel.Settings.DEFAULT);
        ModelCache cache = new ModelCache(folder);
        cache.write(key, train(examples));
        Path file = folder.resolve(key + ".model");
        byte[] whole = Files.readAllBytes(file);

        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThat(cache.read(key, TextModel.Settings.DEFAULT)).as("cut short (a disk that filled up)").isNull();
        Files.writeString(file, "not a model");
        assertThat(cache.read(key, TextModel.Settings.DEFAULT)).as("not a model at all").isNull();
    }

    @Test
    void aStartReadsTheModelAnEarlierStartSavedAndKeepsOnlyTheCurrentOne(@TempDir Path folder) throws Exception {
        ModelProperties corpusOnly = new ModelProperties(true, List.of("/classification/corpus.csv"), null, folder.resolve("a"));
        ModelProperties withSetA = new ModelProperties(true, List.of("/classification/corpus.csv",
                "/classification/blind-2026-11.csv"), null, folder.resolve("b"));

        LearnedModel first = LearnedModel.load(TestRules.rules(), corpusOnly);
        List<Path> saved = models(folder.resolve("a"));
        assertThat(saved).hasSize(1);
        Object savedFile = Files.readAttributes(saved.get(0), BasicFileAttributes.class).fileKey();
        LearnedModel.load(TestRules.rules(), withSetA);   // another model in between: the JVM's own reuse does not apply
        LearnedModel second = LearnedModel.load(TestRules.rules(), corpusOnly);

        assertThat(second).as("not this JVM's first one").isNotSameAs(first);
        assertThat(Files.readAttributes(saved.get(0), BasicFileAttributes.class).fileKey())
                .as("read, not trained and written again").isEqualTo(savedFile);
        for (String text : TEXTS) {
            assertThat(second.predict(text).priorities()).as(text).containsExactly(first.predict(text).priorities());
        }

        // the same folder, other training data: the new model replaces the old one, and what a start killed while saving
        // left behind goes with it
        Path leftBehind = Files.writeString(folder.resolve("a").resolve("training-123.tmp"), "half a model");
        LearnedModel.load(TestRules.rules(), new ModelProperties(true, withSetA.training(), null, folder.resolve("a")));
        assertThat(models(folder.resolve("a"))).hasSize(1).doesNotContain(saved.get(0));
        assertThat(leftBehind).doesNotExist();
    }
}
