package com.plumbline.intake.rules;

import java.util.HashMap;
import java.util.HashSet;
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
    private final HashSet<String> notTypos;   // read-only after construction
    private final int typoMinLength;
    /**
     * A bit per hash of every key of {@link #ids} and {@link #deletions}: most one-letter deletions of an unknown
     * word are no key, and this says so before the deleted string is made and looked up.
     */
    private final long[] keyHashes = new long[KEY_HASH_BITS / 64];
    private static final int KEY_HASH_BITS = 1 << 17;

    Vocabulary(Set<String> notTypos, int typoMinLength) {
        this.notTypos = new HashSet<>(notTypos);
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
        markKey(word.hashCode());
        if (word.length() >= MIN_UNDOUBLED_LENGTH) {
            undoubled.merge(undouble(word), id, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
        }
        if (word.length() >= MIN_TARGET_LENGTH && isAlphabetic(word)) {
            for (int i = 0; i < word.length(); i++) {
                String deleted = deleteAt(word, i);
                deletions.merge(deleted, id, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
                markKey(deleted.hashCode());
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
            Integer same = undoubled.get(hasDoubledLetter(word) ? undouble(word) : word);
            if (same != null && same != AMBIGUOUS) {
                return same;
            }
        }
        if (word.length() < typoMinLength) {
            return UNKNOWN;
        }
        int found = candidate(UNKNOWN, deletions.get(word));
        for (int i = 0; i < word.length() && found != AMBIGUOUS; i++) {
            if (!mayBeKey(hashWithout(word, i))) {
                continue;
            }
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

    private void markKey(int hash) {
        int bit = spread(hash);
        keyHashes[bit >>> 6] |= 1L << bit;
    }

    /** False: no key of {@link #ids} or {@link #deletions} has this hash. */
    private boolean mayBeKey(int hash) {
        int bit = spread(hash);
        return (keyHashes[bit >>> 6] & (1L << bit)) != 0;
    }

    private static int spread(int hash) {
        int h = hash * 0x9E3779B1;
        return (h ^ (h >>> 15)) & (KEY_HASH_BITS - 1);
    }

    /** {@code deleteAt(word, skip).hashCode()}, without making that string. */
    private static int hashWithout(String word, int skip) {
        int h = 0;
        for (int k = 0; k < word.length(); k++) {
            if (k != skip) {
                h = 31 * h + word.charAt(k);
            }
        }
        return h;
    }

    private static boolean hasDoubledLetter(String word) {
        for (int i = 1; i < word.length(); i++) {
            if (word.charAt(i) == word.charAt(i - 1)) {
                return true;
            }
        }
        return false;
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
