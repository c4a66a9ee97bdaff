package com.plumbline.intake.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Terms by their first word, longest first, so a message is matched in one pass over its words. */
final class TermIndex {

    private static final Term[] NONE = new Term[0];

    private final Term[][] byFirstWord;
    /** The second word of each term of {@link #byFirstWord} (NO_SECOND_WORD for one word): most phrases are ruled out by it. */
    private final int[][] secondWords;
    private static final int NO_SECOND_WORD = -1;

    TermIndex(Collection<Term> terms, int vocabularySize) {
        List<List<Term>> buckets = new ArrayList<>(vocabularySize);
        for (int i = 0; i < vocabularySize; i++) {
            buckets.add(new ArrayList<>(1));
        }
        for (Term term : terms) {
            buckets.get(term.words[0]).add(term);
        }
        byFirstWord = new Term[vocabularySize][];
        secondWords = new int[vocabularySize][];
        for (int i = 0; i < vocabularySize; i++) {
            List<Term> bucket = buckets.get(i);
            bucket.sort(Comparator.comparingInt(Term::length).reversed());
            byFirstWord[i] = bucket.isEmpty() ? NONE : bucket.toArray(Term[]::new);
            secondWords[i] = new int[byFirstWord[i].length];
            for (int t = 0; t < byFirstWord[i].length; t++) {
                Term term = byFirstWord[i][t];
                secondWords[i][t] = term.length() > 1 ? term.words[1] : NO_SECOND_WORD;
            }
        }
    }

    /** Every term occurrence, by start and then longest first; a phrase never spans two clauses. */
    List<Match> findAll(int[] ids, int[] clauses, int size) {
        List<Match> matches = new ArrayList<>(size + 8);   // about one match per word in customer texts
        for (int start = 0; start < size; start++) {
            int first = ids[start];
            if (first < 0) {
                continue;
            }
            Term[] terms = byFirstWord[first];
            int[] seconds = secondWords[first];
            int next = start + 1 < size ? ids[start + 1] : NO_SECOND_WORD;
            for (int t = 0; t < terms.length; t++) {
                if (seconds[t] != NO_SECOND_WORD && seconds[t] != next) {
                    continue;
                }
                Term term = terms[t];
                int end = start + term.length();
                if (end <= size && clauses[end - 1] == clauses[start] && wordsMatch(term.words, ids, start)) {
                    matches.add(new Match(term, start, end));
                }
            }
        }
        return matches;
    }

    private static boolean wordsMatch(int[] words, int[] ids, int start) {
        for (int i = 1; i < words.length; i++) {
            if (ids[start + i] != words[i]) {
                return false;
            }
        }
        return true;
    }
}
