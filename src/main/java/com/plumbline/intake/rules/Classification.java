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
        String language) {

    public Classification {
        matchedKeywords = List.copyOf(matchedKeywords);
    }
}
