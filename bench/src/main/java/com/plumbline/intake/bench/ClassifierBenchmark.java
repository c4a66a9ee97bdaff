package com.plumbline.intake.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.plumbline.intake.rules.Classification;
import com.plumbline.intake.rules.MessageClassifier;
import com.plumbline.intake.rules.ModelProperties;
import com.plumbline.intake.rules.RulesBook;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Classification throughput on 200-character customer messages (a mix of emergencies, everyday
 * problems, Spanish, negations, typos and spam), with the real config/rules.yaml and the model the
 * application trains at start-up; {@code rulesOnly} is the same without the model, for comparison
 * under the same load. One op = one message classified.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ClassifierBenchmark {

    static final int MESSAGE_LENGTH = 200;

    private static final String[] SNIPPETS = {
        "HELP basement is flooding, water everywhere and it is still coming in from the wall by the washer",
        "Hi this is Karen, the pipe under the bathroom sink just burst and my husband cannot find the shutoff",
        "i smell gas in the kitchen near the stove, we opened the windows and went outside, please call back",
        "sewer backing up into the tub and the basement floor drain, it smells awful, kids in the house",
        "Our water heater stopped working last night, no hot water at all, 50 gallon gas unit about 12 years old",
        "no water in the whole house since this morning, the city says it is not them, can someone come today",
        "kitchen sink is clogged and wont drain, tried drano and a plunger, nothing works, no rush this week",
        "my toilet keeps running all night and the handle is loose, the water bill went up last month",
        "Not an emergency, just a slow leak under the kitchen sink dripping into a bucket, can you check it",
        "Se revento el tubo del bano y hay agua por todas partes, urgente por favor vengan rapido",
        "El calentador no funciona y no hay agua caliente desde ayer, tenemos ninos en la casa",
        "I'd like to schedule a yearly plumbing inspection and a water heater flush, routine maintenance",
        "Congratulations! You've won a $1000 gift card. Click here to claim your prize before it expires",
        "bursted pipe in the garage, floding everywhere, cant find the shutoff!!! PLEASE HURRY",
        "The leak stopped after I tightened the nut but I would like someone to check it sometime this week",
        "Thanks, the technician did a great job yesterday, see you tuesday for the follow up appointment",
    };

    private MessageClassifier classifier;
    private MessageClassifier rulesOnly;
    private List<String> messages;
    private int next;
    private final Instant receivedAt = Instant.parse("2026-03-10T15:00:00Z");

    @Setup(Level.Trial)
    public void loadRules() {
        Path rules = Path.of(System.getProperty("rules.file", "../config/rules.yaml"));
        RulesBook book = new RulesBook(rules);
        // the shipped training files as the application binds them by default (it listed three of them by hand,
        // and went on measuring a model of 1,059 messages after the application's had grown to 8,008)
        List<String> shipped = new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("intake.model", ModelProperties.class).training();
        classifier = new MessageClassifier(book, new ModelProperties(true, shipped, null, null));
        rulesOnly = new MessageClassifier(book);
        messages = messagesOf(MESSAGE_LENGTH);
    }

    @Benchmark
    public Classification classify200CharMessage() {
        String message = messages.get(next);
        next = (next + 1) % messages.size();
        return classifier.classify(message, receivedAt, next & 3);
    }

    @Benchmark
    public Classification rulesOnly200CharMessage() {
        String message = messages.get(next);
        next = (next + 1) % messages.size();
        return rulesOnly.classify(message, receivedAt, next & 3);
    }

    /** Each message starts with a different snippet and is filled with the following ones. */
    static List<String> messagesOf(int length) {
        List<String> out = new ArrayList<>();
        for (int start = 0; start < SNIPPETS.length; start++) {
            StringBuilder text = new StringBuilder();
            for (int i = start; text.length() < length; i = (i + 1) % SNIPPETS.length) {
                text.append(SNIPPETS[i]).append(". ");
            }
            out.add(text.substring(0, length));
        }
        return out;
    }
}
