package com.plumbline.intake.rules;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns text into matchable words: lower case, accents stripped, apostrophes dropped ("won't" is
 * "wont"), misspellings replaced, plural and verb endings folded. Punctuation marks clause and
 * sentence boundaries instead of being kept. The same folding is applied to the rule phrases, so
 * a rule written "leaking" matches "leaks" and "LEAKED!". Immutable and thread-safe.
 */
final class TextNormaliser {

    /** Folded form of each char below U+0250 (Latin, Latin-1, Latin Extended-A/B); 0 = not a word char. */
    private static final char[] FOLDED = buildFoldingTable();

    /** The word a low number on its own is read as: see {@link #isLowNumber}. */
    static final String LOW_NUMBER = "lownumber";

    /** The word an old age written as a number is read as: see {@link #isOldAge}. */
    static final String OLD_AGE = "oldage";

    // read-only after construction; plain hash tables, looked up for every word of every message
    private final HashMap<String, String> spellings;
    private final HashSet<String> clauseBreakers;
    private final int maxChars;
    private final String folding;

    TextNormaliser(Map<String, String> spellings, Set<String> clauseBreakers, int maxChars) {
        this.spellings = new HashMap<>(spellings);
        this.clauseBreakers = new HashSet<>(clauseBreakers);
        this.folding = maxChars + "|" + new TreeMap<>(spellings) + "|" + new TreeSet<>(clauseBreakers);
        this.maxChars = maxChars;
    }

    /** Folds every text exactly like {@code other} (same spellings, clause breakers and length limit). */
    boolean foldsLike(TextNormaliser other) {
        return folding().equals(other.folding());
    }

    /** What decides how words fold, as text: {@link #foldsLike} compares it, and it is part of {@link ModelCache}'s key. */
    String folding() {
        return folding;
    }

    /** The words of a rule phrase, folded exactly like message words. */
    List<String> phraseWords(String phrase) {
        Tokens tokens = tokenize(phrase);
        return Arrays.asList(tokens.words()).subList(0, tokens.size());
    }

    Tokens tokenize(String text) {
        if (text == null) {
            return new Tokens.Builder(0).build();
        }
        int length = Math.min(text.length(), maxChars);
        // room for a word every 4 characters, more than customers write: the arrays rarely grow
        Tokens.Builder out = new Tokens.Builder(length / 4 + 8);
        // the word being read, in a plain buffer: one String per word, made when the word ends
        char[] word = new char[32];
        int wordLength = 0;
        int exclamationRun = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            char folded = fold(c);
            if (folded != 0) {
                if (wordLength == word.length) {
                    word = Arrays.copyOf(word, 2 * wordLength);
                }
                word[wordLength++] = folded;
                out.countLetter(isLetter(c), isUpperCase(c));
                exclamationRun = 0;
                continue;
            }
            if (c == '\'' || c == '\u2019' || c == '`') {
                continue;
            }
            addWord(word, wordLength, out);
            wordLength = 0;
            // "shut-off", "call-out": a hyphen inside a word separates words, not clauses
            if (c == '-' && i > 0 && i + 1 < length && fold(text.charAt(i - 1)) != 0 && fold(text.charAt(i + 1)) != 0) {
                exclamationRun = 0;
                continue;
            }
            if (c == '!') {
                exclamationRun++;
                if (exclamationRun == 2) {
                    out.countExclamationRun();
                }
            } else {
                exclamationRun = 0;
            }
            switch (c) {
                case '?' -> out.breakQuestion();
                case '.', '!', ';', '\n', '\r', '\u00a1', '\u00bf' -> out.breakSentence();
                case ',', ':', '(', ')', '-', '\u2013', '\u2014', '/' -> out.breakClause();
                default -> {
                }
            }
        }
        addWord(word, wordLength, out);
        return out.build();
    }

    private void addWord(char[] word, int length, Tokens.Builder out) {
        if (length == 0) {
            return;
        }
        String raw = new String(word, 0, length);
        String corrected = isTemperature(raw) ? "degrees"
                : isLowNumber(raw) ? LOW_NUMBER : isOldAge(raw) ? OLD_AGE : spellings.getOrDefault(raw, raw);
        String stem = stem(corrected);
        if (clauseBreakers.contains(stem)) {
            out.breakClause();
        }
        out.add(stem);
    }

    /**
     * "25" in "it's 25 outside": a number from 0 to 39 written on its own, read as the word "lownumber" so the
     * rules can say "a low number next to outside / tonight" (a cold night) without listing numbers.
     */
    private static boolean isLowNumber(String raw) {
        int n = raw.length();
        return n <= 2 && Character.isDigit(raw.charAt(0)) && (n == 1 || (Character.isDigit(raw.charAt(1)) && raw.charAt(0) < '4'));
    }

    /**
     * "79" in "I'm 79 and live alone": a number from 65 to 109 written on its own, read as the word "oldage" so the
     * rules can say "an old age next to I'm / is / years" (a vulnerable person) without listing ages.
     */
    private static boolean isOldAge(String raw) {
        int n = raw.length();
        if (n < 2 || n > 3) {
            return false;   // most words: no scan of their letters
        }
        for (int i = 0; i < n; i++) {
            if (!Character.isDigit(raw.charAt(i))) {
                return false;
            }
        }
        int value = n == 2 ? (raw.charAt(0) - '0') * 10 + raw.charAt(1) - '0'
                : n == 3 && raw.charAt(0) == '1' && raw.charAt(1) == '0' ? 100 + raw.charAt(2) - '0' : -1;
        return value >= 65 && value <= 109;
    }

    /** "15f", "-5f", "0c": a temperature, read as the word "degrees". */
    private static boolean isTemperature(String raw) {
        int n = raw.length();
        if (n < 2 || n > 4 || (raw.charAt(n - 1) != 'f' && raw.charAt(n - 1) != 'c')) {
            return false;
        }
        for (int i = 0; i < n - 1; i++) {
            if (!Character.isDigit(raw.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A deliberately small stemmer: enough to fold "leaks/leaking/leaked", "clogged", "flooding",
     * "tuberias", "inundaciones". Rules and messages go through it alike, so it only has to be
     * consistent, not linguistically right.
     */
    static String stem(String word) {
        int n = word.length();
        if (n <= 3) {
            return word;
        }
        // the stem is a prefix of the word (plus a "y" for "-ies"): worked out as its end, made as one string
        int end = n;
        if (word.endsWith("ies") && n > 4) {
            return word.substring(0, n - 3) + "y";
        } else if (word.endsWith("ing") && n > 5) {
            end = undoubledEnd(word, n - 3);
        } else if (word.endsWith("ed") && n > 4) {
            end = undoubledEnd(word, n - 2);
        } else if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")) {
            end = n - 1;
        }
        if (end > 4 && word.charAt(end - 1) == 'e') {
            end--;
        }
        return word.substring(0, end);
    }

    /** The end of {@code word}'s first {@code end} letters with a doubled last letter made single ("stopp" -> "stop"). */
    private static int undoubledEnd(String word, int end) {
        if (end >= 3 && word.charAt(end - 1) == word.charAt(end - 2) && "lsz".indexOf(word.charAt(end - 1)) < 0) {
            return end - 1;
        }
        return end;
    }

    /** Character.isLetter and isUpperCase of each char of the folding table, looked up once per char of a message. */
    private static final boolean[] LETTER = new boolean[FOLDED.length];
    private static final boolean[] UPPER_CASE = new boolean[FOLDED.length];

    static {
        for (char c = 0; c < FOLDED.length; c++) {
            LETTER[c] = Character.isLetter(c);
            UPPER_CASE[c] = Character.isUpperCase(c);
        }
    }

    private static boolean isLetter(char c) {
        return c < LETTER.length ? LETTER[c] : Character.isLetter(c);
    }

    private static boolean isUpperCase(char c) {
        return c < UPPER_CASE.length ? UPPER_CASE[c] : Character.isUpperCase(c);
    }

    private static char fold(char c) {
        if (c < FOLDED.length) {
            return FOLDED[c];
        }
        if (Character.isSurrogate(c) || !Character.isLetterOrDigit(c)) {
            return 0;
        }
        return Character.toLowerCase(c);
    }

    private static char[] buildFoldingTable() {
        char[] table = new char[0x250];
        for (char c = 0; c < table.length; c++) {
            if (!Character.isLetterOrDigit(c)) {
                continue;
            }
            String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            char first = Character.toLowerCase(base.charAt(0));
            table[c] = Character.isLetterOrDigit(first) ? first : Character.toLowerCase(c);
        }
        table['\u00df'] = 's';
        return table;
    }

    /** Words of a text with the clause and sentence each one belongs to, plus a few counts. */
    record Tokens(String[] words, int[] clauses, int[] sentences, int size,
                  int letters, int upperCaseLetters, int exclamationRuns, BitSet questions) {

        /** The sentence holding word {@code i} ends with a question mark ("no es emergencia?"). */
        boolean inQuestion(int i) {
            return questions.get(sentences[i]);
        }

        static final class Builder {
            private String[] words;
            private int[] clauses;
            private int[] sentences;
            private int size;
            private int clause;
            private int sentence;
            private int letters;
            private int upper;
            private int exclamationRuns;
            private final BitSet questions = new BitSet();

            Builder(int capacity) {
                words = new String[capacity];
                clauses = new int[capacity];
                sentences = new int[capacity];
            }

            void add(String word) {
                int i = size;
                if (i == clauses.length) {
                    int grown = Math.max(8, i * 2);
                    words = Arrays.copyOf(words, grown);
                    clauses = Arrays.copyOf(clauses, grown);
                    sentences = Arrays.copyOf(sentences, grown);
                }
                clauses[i] = clause;
                sentences[i] = sentence;
                words[i] = word;
                size++;
            }

            void breakClause() {
                clause++;
            }

            void breakSentence() {
                clause++;
                sentence++;
            }

            void breakQuestion() {
                questions.set(sentence);
                breakSentence();
            }

            void countLetter(boolean letter, boolean upperCase) {
                if (letter) {
                    letters++;
                    if (upperCase) {
                        upper++;
                    }
                }
            }

            void countExclamationRun() {
                exclamationRuns++;
            }

            Tokens build() {
                return new Tokens(Arrays.copyOf(words, size), clauses, sentences, size,
                        letters, upper, exclamationRuns, questions);
            }
        }
    }
}
