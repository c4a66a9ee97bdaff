package com.plumbline.intake.notify;

import com.plumbline.intake.staff.StaffRole;
import java.util.List;

import com.plumbline.intake.rules.Priority;

/** The {@code notifications} section of config/rules.yaml (see the comments there). */
public record NotificationRulesFile(List<Rule> rules, EscalationRules escalation) {

    public enum Window { ANY, BUSINESS_HOURS, AFTER_HOURS }

    /**
     * @param skilledTechnicians also notify the technicians whose skills include the message's service type
     */
    public record Rule(List<Priority> priorities, Window window, List<StaffRole> roles, List<NotifyChannel> channels,
                       Boolean skilledTechnicians) {
    }

    /** @param maxRepeats how many times the last tier repeats before the ladder stops */
    public record EscalationRules(List<Priority> priorities, List<Tier> tiers, Integer maxRepeats) {
    }

    /** @param after time since the first notice; @param repeatEvery repeat interval (last tier only) */
    public record Tier(String after, List<StaffRole> roles, List<NotifyChannel> channels, String repeatEvery) {
    }
}
