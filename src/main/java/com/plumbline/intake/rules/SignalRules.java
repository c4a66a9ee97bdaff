package com.plumbline.intake.rules;

import java.util.List;

/**
 * The compiled {@code signals}, {@code signalRules} and {@code safety} sections of config/rules.yaml:
 * dangers described by their shape (water escaping + no way to stop it, a smell + something like gas)
 * rather than by one keyword. Immutable; evaluated per message by {@link MessageAnalysis#signalEvidence}.
 *
 * @param names       signal names, by number (at most 63)
 * @param nearWithin  per signal, how many words apart the two {@code near} groups may be
 * @param rules       the rules, in file order
 * @param safetyCues  bit mask of the signals that count as an emergency cue for the safety-first rule
 * @param safetyFloor the least priority given to a message with an emergency cue when the rules are unsure
 * @param minConfidence below this confidence the rules are unsure
 */
record SignalRules(List<String> names, int[] nearWithin, List<Rule> rules, long safetyCues, Priority safetyFloor,
                   double minConfidence) {

    static final int MAX_SIGNALS = 63;
    /** Rule window: anywhere in the message. */
    static final int MESSAGE = -1;
    /** Rule window: the same sentence. */
    static final int SENTENCE = -2;

    static final SignalRules NONE = new SignalRules(List.of(), new int[0], List.of(), 0L, Priority.HIGH, 0.5);

    /** @param serviceType the service type when nothing else names one (may be null); @param signals signal numbers; {@code within} is MESSAGE, SENTENCE or a number of words */
    record Rule(String name, int[] signals, int within, Priority priority, ServiceType serviceType) {
    }
}
