package com.plumbline.intake.rules;

import java.time.Instant;
import java.util.List;

/**
 * What the rules made of one customer message.
 *
 * @param matchedKeywords the rule words and phrases that decided priority and service type, as
 *                        written in config/rules.yaml ("pipe + burst" for a combination)
 * @param sentiment       -1 (angry, worried) .. 1 (happy)
 * @param urgency         0 .. 1 from urgency cues (ASAP, "!!", capitals, repeated messages);
 *                        independent of priority
 * @param afterHours      received outside business hours or on a holiday
 * @param confidence      0 .. 1; below 0.5 when nothing matched or the rules disagreed
 * @param responseDue     when the customer must have an answer, from the SLA table
 * @param language        "en" or "es"
 * @param needsReview     safety first: an emergency cue was present but the rules conflicted or were
 *                        unsure, so the priority was raised to at least HIGH; staff should check it
 * @param reviewReason    why it needs review (null when it does not)
 * @param retraction      the customer withdraws or resolves the problem ("false alarm", "never mind",
 *                        "we fixed it, cancel") and nothing in the message is still dangerous
 */
public record Classification(
        Priority priority,
        ServiceType serviceType,
        List<String> matchedKeywords,
        double sentiment,
        double urgency,
        boolean afterHours,
        double confidence,
        Instant responseDue,
        String language,
        boolean needsReview,
        String reviewReason,
        boolean retraction) {

    public Classification {
        matchedKeywords = List.copyOf(matchedKeywords);
    }

    /** A classification that needs no review and retracts nothing. */
    public Classification(Priority priority, ServiceType serviceType, List<String> matchedKeywords, double sentiment,
                          double urgency, boolean afterHours, double confidence, Instant responseDue, String language) {
        this(priority, serviceType, matchedKeywords, sentiment, urgency, afterHours, confidence, responseDue, language,
                false, null, false);
    }
}
