package com.plumbline.intake.rules;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * The statistical half of classification: two multinomial logistic regressions (priority, service type)
 * over hashed features of the rules' normalised words (so "bursted", "floding", "toliet" reach the model
 * already folded): each word, each pair and each triple of neighbouring words in a clause, and the 3- and 4-letter pieces
 * of each word (so unseen spellings and Spanish endings still share evidence). Trained in memory from
 * labelled examples in about a second; immutable and thread-safe once built.
 *
 * <p>Both heads share one feature pass: {@code weights[bucket * OUTPUTS + k]}, k &lt; 4 for the priorities
 * and k &gt;= 4 for the service types, so a message costs one hash and one cache line per feature.
 */
final class TextModel {

    static final int PRIORITIES = Priority.values().length;
    static final int SERVICES = ServiceType.values().length;
    static final int OUTPUTS = PRIORITIES + SERVICES;

    /**
     * @param bucketBits    2^bits hashed feature buckets
     * @param charGrams     add the 3- and 4-letter pieces of each word
     * @param wordTriples   add each triple of neighbouring words in a clause
     * @param epochs        passes of stochastic gradient descent over the examples
     * @param learningRate  first step size, decayed as 1 / (1 + epoch / decayEpochs)
     * @param decayEpochs   epochs over which the step size halves
     * @param l2            weight decay per update of a feature's weights
     */
    record Settings(int bucketBits, boolean charGrams, boolean wordTriples, int epochs, double learningRate,
                    double decayEpochs, double l2) {

        /**
         * Chosen on held-out writing (bench/RESULTS-classifier.md, the model14 A/B): a step size of 1 with l2 1e-4 fits
         * the ~4,500 messages better than 0.5 with 1e-5 (each file held out in turn, model alone: priority 92.8 -> 93.7 %,
         * service type 93.5 -> 94.2 %), and 2^18 buckets (13.6 MB of weights) leave fewer words, pairs and letter
         * pieces sharing a bucket than 2^16; averaged weights, more epochs and a heavier EMERGENCY class did not help.
         * model16 (same yardstick, with the labelled sets weighted 3x, LearnedModel.LABELLED_SET_WEIGHT): word triples and
         * 36 epochs with a slower decay (halved at epoch 8, not 4) fit more of the customers' phrasings ("went from damp to
         * dripping"): mean held-out priority 94.43 -> 95.09 % (bench/RESULTS-classifier.md, model16).
         * model16b: a weighted message is one longer step, not copies (Example.weight), a third of the updates per epoch;
         * 48 epochs with the step halved at epoch 12 then match model16 (mean held-out priority 95.27 %) at about a
         * third of its training time.
         */
        static final Settings DEFAULT = new Settings(18, true, true, 48, 1.0, 12, 1e-4);
    }

    /**
     * What the model makes of one message: a probability per priority and per service type (enum order), and
     * {@code known}, the share of its words that occurred in training (low for noise: then it knows nothing).
     * {@code services} is null when only the priority head was asked for.
     */
    record Prediction(double[] priorities, double[] services, double known) {

        Priority priority() {
            return Priority.values()[argmax(priorities)];
        }

        double priorityProbability() {
            return priorities[argmax(priorities)];
        }

        double probabilityOf(Priority priority) {
            return priorities[priority.ordinal()];
        }

        ServiceType serviceType() {
            if (services == null) {
                throw new IllegalStateException("the service type head was not computed");
            }
            return ServiceType.values()[argmax(services)];
        }

        double serviceProbability() {
            return services[argmax(services)];
        }
    }

    /**
     * One training example: the normalised words, the two labels and how many times it counts. A weight of n is one
     * gradient step n times as long (and n steps' weight decay), not n copies: the same pull for a third of the work.
     */
    record Example(TextNormaliser.Tokens tokens, Priority priority, ServiceType serviceType, float weight) {

        Example(TextNormaliser.Tokens tokens, Priority priority, ServiceType serviceType) {
            this(tokens, priority, serviceType, 1);
        }
    }

    /** An example as training reads it in every epoch: its features and its labels' ordinals. */
    private record Labelled(int[] features, int priority, int serviceType, float weight) {
    }

    private final Settings settings;
    private final int mask;
    private final float[] weights;
    private final float[] bias;
    /** Words of the training examples, by a hash of their own (2^20 bits: a stray word rarely lands on a known one). */
    private final BitSet seen;
    private final int examples;

    private TextModel(Settings settings, float[] weights, float[] bias, BitSet seen, int examples) {
        this.settings = settings;
        this.mask = (1 << settings.bucketBits()) - 1;
        this.weights = weights;
        this.bias = bias;
        this.seen = seen;
        this.examples = examples;
    }

    int examples() {
        return examples;
    }

    /** The model's weights, for {@link ModelCache}: settings, example count, bias, weights, the words seen. */
    void writeTo(DataOutputStream out) throws IOException {
        out.writeUTF(settings.toString());
        out.writeInt(examples);
        writeFloats(out, bias);
        writeFloats(out, weights);
        long[] words = seen.toLongArray();
        out.writeInt(words.length);
        for (long word : words) {
            out.writeLong(word);
        }
    }

    /** A model {@link #writeTo} wrote with these settings; null if it was written with others. */
    static TextModel readFrom(DataInputStream in, Settings settings) throws IOException {
        if (!in.readUTF().equals(settings.toString())) {
            return null;
        }
        int examples = in.readInt();
        float[] bias = readFloats(in);
        float[] weights = readFloats(in);
        if (bias.length != OUTPUTS || weights.length != (1 << settings.bucketBits()) * OUTPUTS) {
            throw new IOException("the weights do not fit the settings");
        }
        long[] words = new long[in.readInt()];
        for (int i = 0; i < words.length; i++) {
            words[i] = in.readLong();
        }
        return new TextModel(settings, weights, bias, BitSet.valueOf(words), examples);
    }

    private static final int CHUNK = 16_384;

    /** Through a small buffer: 10 MB of weights copied whole would be as much again on the heap at start-up. */
    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values.length);
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK * Float.BYTES);
        for (int from = 0; from < values.length; from += CHUNK) {
            int count = Math.min(CHUNK, values.length - from);
            chunk.clear();
            chunk.asFloatBuffer().put(values, from, count);
            out.write(chunk.array(), 0, count * Float.BYTES);
        }
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        float[] values = new float[in.readInt()];
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK * Float.BYTES);
        for (int from = 0; from < values.length; from += CHUNK) {
            int count = Math.min(CHUNK, values.length - from);
            in.readFully(chunk.array(), 0, count * Float.BYTES);
            chunk.asFloatBuffer().get(values, from, count);
        }
        return values;
    }

    /**
     * Reads each example once, keeping only its features and labels: a message's words are not held through the
     * epochs (some 17,000 messages: their words and their features together would double the heap's peak at start-up).
     */
    static TextModel train(Iterable<Example> examples, Settings settings) {
        int buckets = 1 << settings.bucketBits();
        float[] w = new float[buckets * OUTPUTS];
        float[] b = new float[OUTPUTS];
        BitSet seen = new BitSet(1 << WORD_BITS);
        // the features of a message depend on the settings only; the count of examples is known after reading them
        TextModel featuring = new TextModel(settings, w, b, seen, 0);
        List<Labelled> labelled = new ArrayList<>();
        for (Example e : examples) {
            labelled.add(new Labelled(featuring.features(e.tokens()), e.priority().ordinal(), e.serviceType().ordinal(),
                    e.weight()));
            for (int i = 0; i < e.tokens().size(); i++) {
                seen.set(wordBit(e.tokens().words()[i]));
            }
        }
        TextModel model = new TextModel(settings, w, b, seen, labelled.size());
        int[] order = new int[labelled.size()];
        Arrays.setAll(order, i -> i);
        Random random = new Random(19);
        double[] scores = new double[OUTPUTS];
        float[] sum = new float[OUTPUTS];
        float[] step = new float[OUTPUTS];
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            shuffle(order, random);
            double rate = settings.learningRate() / (1 + epoch / settings.decayEpochs());
            for (int i : order) {
                Labelled e = labelled.get(i);
                int[] f = e.features();
                double weighted = rate * e.weight();
                float value = value(f.length);
                model.scores(f, sum, scores);
                softmax(scores, 0, PRIORITIES);
                softmax(scores, PRIORITIES, OUTPUTS);
                scores[e.priority()] -= 1;
                scores[PRIORITIES + e.serviceType()] -= 1;
                for (int k = 0; k < OUTPUTS; k++) {
                    b[k] -= (float) (weighted * scores[k]);
                    step[k] = (float) (weighted * scores[k] * value);
                }
                float decay = (float) (1 - weighted * settings.l2());
                for (int feature : f) {
                    int at = feature * OUTPUTS;
                    for (int k = 0; k < OUTPUTS; k++) {
                        w[at + k] = w[at + k] * decay - step[k];
                    }
                }
            }
        }
        return model;
    }

    /** Both heads. */
    Prediction predict(TextNormaliser.Tokens tokens) {
        return predict(tokens, true);
    }

    /**
     * @param withServices false: the priority head alone (the services of the prediction are null), for a caller that
     *                     keeps its own service type; the weights of the service head are then not read at all
     */
    Prediction predict(TextNormaliser.Tokens tokens, boolean withServices) {
        int outputs = withServices ? OUTPUTS : PRIORITIES;
        // the features are summed as they are made (same order, same sums as training's scores()), not collected first
        Summed summed = new Summed(outputs);
        forEachFeature(tokens, summed);
        float value = value(summed.count);
        double[] priorities = new double[PRIORITIES];
        for (int k = 0; k < PRIORITIES; k++) {
            priorities[k] = bias[k] + summed.sum[k] * value;
        }
        softmax(priorities, 0, PRIORITIES);
        double[] services = null;
        if (withServices) {
            services = new double[SERVICES];
            for (int k = 0; k < SERVICES; k++) {
                services[k] = bias[PRIORITIES + k] + summed.sum[PRIORITIES + k] * value;
            }
            softmax(services, 0, SERVICES);
        }
        return new Prediction(priorities, services, knownShare(tokens));
    }

    /**
     * The share of a message's different words of three letters or more that occurred in training. A word of one or
     * two letters ("a", "i", "y") turns up by chance in random bytes as often as in a sentence, and so does a number
     * ("lownumber") repeated all through them. All words count in a message that has no longer one ("no ac").
     */
    private double knownShare(TextNormaliser.Tokens tokens) {
        Set<String> words = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.words()[i].length() >= 3) {
                words.add(tokens.words()[i]);
            }
        }
        if (words.isEmpty()) {
            words.addAll(Arrays.asList(tokens.words()).subList(0, tokens.size()));
        }
        int known = 0;
        for (String word : words) {
            known += seen.get(wordBit(word)) ? 1 : 0;
        }
        return words.isEmpty() ? 0 : (double) known / words.size();
    }

    /** The weights of the first {@code outputs} outputs, summed over the features it is given. */
    private final class Summed implements IntConsumer {
        final float[] sum;
        int count;

        Summed(int outputs) {
            sum = new float[outputs];
        }

        @Override
        public void accept(int bucket) {
            int at = bucket * OUTPUTS;
            for (int k = 0; k < sum.length; k++) {
                sum[k] += weights[at + k];
            }
            count++;
        }
    }

    private void scores(int[] features, float[] sum, double[] out) {
        Arrays.fill(sum, 0);
        for (int feature : features) {
            int at = feature * OUTPUTS;
            for (int k = 0; k < OUTPUTS; k++) {
                sum[k] += weights[at + k];
            }
        }
        float value = value(features.length);
        for (int k = 0; k < OUTPUTS; k++) {
            out[k] = bias[k] + sum[k] * value;
        }
    }

    /** Every feature counts 1 / sqrt(n): long voicemails do not shout down short texts. */
    private static float value(int count) {
        return count == 0 ? 0 : (float) (1 / Math.sqrt(count));
    }

    /** Bucket numbers of the message's features (repeats kept: a word said twice counts twice). */
    int[] features(TextNormaliser.Tokens tokens) {
        int size = tokens.size();
        String[] words = tokens.words();
        int capacity = 3 * size + 1;
        if (settings.charGrams()) {
            for (int i = 0; i < size; i++) {
                capacity += 2 * (words[i].length() + 1);
            }
        }
        int[] out = new int[capacity];
        int[] n = {0};
        forEachFeature(tokens, bucket -> out[n[0]++] = bucket);
        return n[0] == out.length ? out : Arrays.copyOf(out, n[0]);
    }

    private void forEachFeature(TextNormaliser.Tokens tokens, IntConsumer out) {
        int size = tokens.size();
        String[] words = tokens.words();
        int[] clauses = tokens.clauses();
        int previous = 0;
        int beforePrevious = 0;
        for (int i = 0; i < size; i++) {
            int word = words[i].hashCode();
            out.accept(bucket(word, 1));
            if (i > 0 && clauses[i] == clauses[i - 1]) {
                out.accept(bucket(previous * 0x9E3779B1 + word, 2));
                if (settings.wordTriples() && i > 1 && clauses[i] == clauses[i - 2]) {
                    out.accept(bucket((beforePrevious * 0x9E3779B1 + previous) * 0x9E3779B1 + word, 11));
                }
            }
            beforePrevious = previous;
            previous = word;
            if (settings.charGrams()) {
                charGrams(words[i], out);
            }
        }
        if (size == 0) {
            out.accept(bucket(0, 3));
        }
    }

    /** The 3- and 4-letter pieces of "^word$" (only words of 3 letters or more: short ones are whole words already). */
    private void charGrams(String word, IntConsumer out) {
        int length = word.length();
        if (length < 3) {
            return;
        }
        int padded = length + 2;
        for (int gram = 3; gram <= 4; gram++) {
            for (int start = 0; start + gram <= padded; start++) {
                int h = gram;
                for (int c = start; c < start + gram; c++) {
                    h = h * 31 + (c == 0 ? '^' : c == padded - 1 ? '$' : word.charAt(c - 1));
                }
                out.accept(bucket(h, 4 + gram));
            }
        }
    }

    private static final int WORD_BITS = 20;

    private static int wordBit(String word) {
        int h = word.hashCode() * 0x9E3779B1;
        return (h ^ (h >>> 16)) & ((1 << WORD_BITS) - 1);
    }

    private int bucket(int hash, int kind) {
        int h = hash * 0x85EBCA6B + kind * 0xC2B2AE35;
        h ^= h >>> 15;
        h *= 0x27D4EB2F;
        h ^= h >>> 13;
        return h & mask;
    }

    private static void softmax(double[] scores, int from, int to) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = from; k < to; k++) {
            max = Math.max(max, scores[k]);
        }
        double total = 0;
        for (int k = from; k < to; k++) {
            scores[k] = Math.exp(scores[k] - max);
            total += scores[k];
        }
        for (int k = from; k < to; k++) {
            scores[k] /= total;
        }
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int k = 1; k < values.length; k++) {
            if (values[k] > values[best]) {
                best = k;
            }
        }
        return best;
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
