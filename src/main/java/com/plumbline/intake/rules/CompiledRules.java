package com.plumbline.intake.rules;

import java.util.List;
import java.util.Map;

/**
 * Everything the classifier needs, precompiled from one version of config/rules.yaml. Immutable:
 * a reload builds a new instance and swaps it in whole, so a classification never sees half a file.
 */
record CompiledRules(
        TextNormaliser normaliser,
        Vocabulary vocabulary,
        TermIndex terms,
        List<Priority> combinationPriorities,
        int[] combinationGroupCounts,
        List<String> combinationNames,
        List<ServiceType> serviceTieOrder,
        int negationWindow,
        int resolutionWindow,
        /** How far after a problem word a past-time cue makes it history. */
        int pastWindow,
        /** How far from a resolution, a retraction or a problem its topic word may stand. */
        int topicWindow,
        UrgencyWeights urgency,
        BusinessCalendar calendar,
        ResponseTargets responseTargets,
        Map<Priority, Priority> afterHoursRaise,
        SignalRules signals,
        /** The service type of a LOW message that asks for no routine work; null keeps the words' type. */
        ServiceType lowPriorityService) {

    record UrgencyWeights(double cueWeight, double maxFromCues, double exclamationWeight, double capsWeight,
                          int capsMinLetters, double capsRatio, int repeatThreshold, double repeatWeight) {
    }
}
