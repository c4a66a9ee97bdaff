package com.plumbline.intake.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Every word used by the rules, numbered, with a one-typo lookup: a message word that is not a
 * rule word but is one deletion, insertion, substitution or swap away from exactly one rule word
 * is read as that word ("toilit", "sewege"), and so is a word that differs from a rule word only in
 * doubled letters ("gass", "watter", "floodding"). Built once per rules load; lookups are hash probes.
 */
final class Vocabulary {

    static final int UNKNOWN = -1;
    private static final int AMBIGUOUS = -2;
    /** Words shorter than this are not matched with their doubled letters made single ("of" / "off"). */
    private static final int MIN_UNDOUBLED_LENGTH = 3;
    /** Rule words shorter than this are never typo targets: too many real words are one letter off. */
    private static final int MIN_TARGET_LENGTH = 5;

    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<String, Integer> deletions = new HashMap<>();
    /** Rule words by their form with doubled letters made single ("watter", "gass", "floodding"). */
    private final Map<String, Integer> undoubled = new HashMap<>();
    private final Set<String> notTypos;
    private final int typoMinLength;

    Vocabulary(Set<String> notTypos, int typoMinLength) {
        this.notTypos = Set.copyOf(notTypos);
        this.typoMinLength = typoMinLength;
    }

    /** Adds a rule word (already folded) and returns its number. Only while the rules are compiled. */
    int add(String word) {
        Integer existing = ids.get(word);
        if (existing != null) {
            return existing;
        }
        int id = ids.size();
        ids.put(word, id);
        if (word.length() >= MIN_UNDOUBLED_LENGTH) {
            undoubled.merge(undouble(word), id, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
        }
        if (word.length() >= MIN_TARGET_LENGTH && isAlphabetic(word)) {
            for (int i = 0; i < word.length(); i++) {
                deletions.merge(deleteAt(word, i), id, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
            }
        }
        return id;
    }

    int size() {
        return ids.size();
    }

    /** The number of a message word, directly or through the one-typo rule; UNKNOWN otherwise. */
    int idOf(String word) {
        Integer id = ids.get(word);
        if (id != null) {
            return id;
        }
        if (typoMinLength <= 0 || notTypos.contains(word)) {
            return UNKNOWN;
        }
        // a letter typed twice or once too few: "gass", "watter", "toilett"
        if (word.length() > MIN_UNDOUBLED_LENGTH) {
            Integer same = undoubled.get(undouble(word));
            if (same != null && same != AMBIGUOUS) {
                return same;
            }
        }
        if (word.length() < typoMinLength) {
            return UNKNOWN;
        }
        int found = candidate(UNKNOWN, deletions.get(word));
        for (int i = 0; i < word.length() && found != AMBIGUOUS; i++) {
            String deleted = deleteAt(word, i);
            Integer exact = ids.get(deleted);
            if (exact != null && deleted.length() >= MIN_TARGET_LENGTH) {
                found = candidate(found, exact);
            }
            found = candidate(found, deletions.get(deleted));
        }
        return found == AMBIGUOUS ? UNKNOWN : found;
    }

    private static int candidate(int found, Integer next) {
        if (next == null || next == UNKNOWN) {
            return found;
        }
        if (found == UNKNOWN || found == next) {
            return next;
        }
        return AMBIGUOUS;
    }

    private static String undouble(String word) {
        StringBuilder single = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            if (i == 0 || word.charAt(i) != word.charAt(i - 1)) {
                single.append(word.charAt(i));
            }
        }
        return single.toString();
    }

    private static String deleteAt(String word, int i) {
        return new StringBuilder(word.length() - 1).append(word, 0, i).append(word, i + 1, word.length()).toString();
    }

    private static boolean isAlphabetic(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isLetter(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
