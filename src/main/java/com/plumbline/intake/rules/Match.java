package com.plumbline.intake.rules;

/** A term found in a message, covering words [start, end). */
record Match(Term term, int start, int end) {

    int length() {
        return end - start;
    }

    boolean covers(Match other) {
        return start <= other.start && end >= other.end && length() > other.length();
    }
}
