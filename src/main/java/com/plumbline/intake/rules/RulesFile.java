package com.plumbline.intake.rules;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * config/rules.yaml as written, before validation. Names of priorities, service types and days
 * are kept as strings so that a mistake can be reported with its key instead of a Jackson error.
 * Unknown top-level sections (staff, notifications, ...) belong to other features and are ignored;
 * inside these sections an unknown key is an error, because it is almost always a typo.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RulesFile(
        Matching matching,
        Map<String, PriorityRule> priorities,
        Map<String, ServiceRule> serviceTypes,
        Negation negation,
        Resolution resolution,
        Urgency urgency,
        Sentiment sentiment,
        Language language,
        BusinessHours businessHours,
        Map<String, Sla> sla,
        AfterHours afterHours,
        Map<String, Signal> signals,
        List<SignalRule> signalRules,
        Safety safety,
        LowPriority lowPriority) {

    /**
     * A LOW message asks for paperwork (a quote, a date, an invoice, a question): its service type is
     * {@code serviceType} whatever system it names, unless it asks for routine work on that system
     * ({@code keepServiceFor}: "yearly water heater flush").
     */
    public record LowPriority(String serviceType, List<String> keepServiceFor) {
    }

    /**
     * A named idea ("water escaping", "smells of gas") written as word families: any of {@code words},
     * or one word of each of the two {@code near} groups at most {@code within} words apart in a sentence;
     * not in a sentence that has one of {@code unless} ("up to my ankles" but "when I shower").
     */
    public record Signal(List<String> words, List<List<String>> near, Integer within, List<String> unless) {
    }

    /**
     * Every signal in {@code all} is present (not negated) {@code within} "sentence", "message" or a
     * number of words of each other: the message gets at least {@code priority}, and {@code serviceType}
     * (optional) when no service word decides it.
     */
    public record SignalRule(String name, List<String> all, String within, String priority, String serviceType) {
    }

    /**
     * Safety first: when one of the {@code cues} signals (or any emergency evidence) is present and the
     * rules conflict or confidence is below {@code minConfidence}, the priority is at least {@code floor}
     * and the message is flagged for review.
     */
    public record Safety(List<String> cues, String floor, Double minConfidence) {
    }

    public record Matching(Map<String, String> spellings, Integer typoMinLength, List<String> notTypos,
                           List<String> clauseBreakers, Integer maxChars) {
    }

    /** Each combination is a list of groups; every group needs one match in the same sentence. */
    public record PriorityRule(List<String> keywords, List<List<List<String>>> combinations) {
    }

    public record ServiceRule(List<String> keywords, List<String> hints) {
    }

    /**
     * mentions: phrases that name a problem word without reporting the problem ("flood of emails",
     * "emergency shut-off valve"); a rule word inside one of them does not count.
     */
    public record Negation(List<String> before, Integer window, List<String> notAnEmergency, List<String> mentions) {
    }

    /**
     * past: a problem word followed (within pastWindow words) by one of these is history, not news ("the flood last
     * week"), unless a recurring cue in its sentence says it is back ("burst again in the same spot as last winter");
     * newTopic: after a retraction or all-clear, these start a new problem that still counts
     * ("false alarm on the gas smell. But the water heater is not working");
     * followUps: the customer asks after a problem already reported ("any update?"): LOW unless {@code changed}
     * or a danger says it got worse;
     * topics: what a whole-message resolution or a retraction is about, named by a topic word next to it (within
     * topicWindow words, same clause): it then settles only problems next to a word of the same topic;
     * explanations: a scare explained away ("the sewer smell in the garage was a bait bucket") in a message that says
     * all is well: the problems just before it (within pastWindow words, same sentence) are taken back.
     */
    public record Resolution(List<String> after, Integer window, List<String> blockedBy, List<String> wholeMessage,
                             List<String> stillGoing, List<String> allClear, List<String> retractions,
                             List<String> past, Integer pastWindow, List<String> recurring, List<String> newTopic,
                             List<String> followUps, List<String> changed, Map<String, List<String>> topics,
                             Integer topicWindow, List<String> explanations) {
    }

    public record Urgency(List<String> cues, Double cueWeight, Double maxFromCues, Double exclamationWeight,
                          Double capsWeight, Integer capsMinLetters, Double capsRatio, Integer repeatThreshold,
                          Double repeatWeight) {
    }

    public record Sentiment(List<String> positive, List<String> negative) {
    }

    public record Language(List<String> spanish, List<String> english) {
    }

    /** week: day name to "HH:mm-HH:mm" or "closed"; holidays: rules or dates closed all day ({@link HolidayRule}). */
    public record BusinessHours(String timeZone, Map<String, String> week, List<String> holidays) {
    }

    /** clock: "always" or "businessHours". */
    public record Sla(String respondWithin, String clock) {
    }

    public record AfterHours(Map<String, String> raisePriority) {
    }
}
