package com.plumbline.intake.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * One rule word or phrase, folded to word numbers, with every role the rules give it: "leak" is a
 * MEDIUM keyword, a LEAK_DETECTION keyword and part of a HIGH combination at once. Built while the
 * rules compile, read-only afterwards.
 */
final class Term {

    /** Roles that are context rather than problems. */
    enum Cue {
        NEGATION, NOT_AN_EMERGENCY, RESOLUTION_AFTER, RESOLUTION_BLOCKER, RESOLUTION_WHOLE, STILL_GOING, ALL_CLEAR,
        URGENCY, POSITIVE, NEGATIVE, SPANISH, ENGLISH, RETRACTION, MENTION, PAST, NEW_TOPIC, FOLLOW_UP, CHANGED,
        ROUTINE, RECURRING, EXPLANATION;

        int bit() {
            return 1 << ordinal();
        }
    }

    /** This term is group {@code group} of combination number {@code combination}. */
    record ComboPart(int combination, int group) {
    }

    /** Role in a signal: a word of the signal itself, or of the first or second {@code near} group. */
    record SignalPart(int signal, int role) {
        static final int WORD = 0;
        static final int NEAR_A = 1;
        static final int NEAR_B = 2;
        static final int UNLESS = 3;
    }

    final String text;
    final List<SignalPart> signalParts = new ArrayList<>(0);
    final int[] words;
    Priority priority;
    final List<ComboPart> comboParts = new ArrayList<>(1);
    final int[] serviceWeights = new int[ServiceType.values().length];
    boolean hasService;
    private int cues;
    /** The resolution topics this word names ("gas", "water"), a bit each; 0 for none. */
    private int topics;

    Term(String text, int[] words) {
        this.text = text;
        this.words = words;
    }

    int length() {
        return words.length;
    }

    void addCue(Cue cue) {
        cues |= cue.bit();
    }

    boolean is(Cue cue) {
        return (cues & cue.bit()) != 0;
    }

    /** Every cue of this term, a bit each ({@link Cue#bit}). */
    int cueBits() {
        return cues;
    }

    void addTopics(int bits) {
        topics |= bits;
    }

    int topics() {
        return topics;
    }

    void addService(ServiceType type, int weight) {
        serviceWeights[type.ordinal()] = Math.max(serviceWeights[type.ordinal()], weight);
        hasService = true;
    }

    /** One of a signal's own words ("no heat"), as opposed to a word of its near groups or its exceptions. */
    boolean isSignalWord() {
        for (SignalPart part : signalParts) {
            if (part.role() == SignalPart.WORD) {
                return true;
            }
        }
        return false;
    }

    /** A problem term says what is wrong (priority, combination or service), as opposed to a cue. */
    boolean isProblem() {
        return priority != null || !comboParts.isEmpty() || hasService;
    }
}
