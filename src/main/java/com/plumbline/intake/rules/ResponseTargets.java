package com.plumbline.intake.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** The SLA table: when a message of each priority must be answered. Immutable. */
public final class ResponseTargets {

    /** ALWAYS counts every minute; BUSINESS_HOURS counts only while the business is open. */
    public enum Clock {
        ALWAYS,
        BUSINESS_HOURS
    }

    public record Target(Duration respondWithin, Clock clock) {
    }

    private final Map<Priority, Target> targets;
    private final BusinessCalendar calendar;

    public ResponseTargets(Map<Priority, Target> targets, BusinessCalendar calendar) {
        this.targets = new EnumMap<>(targets);
        this.calendar = calendar;
    }

    public Instant responseDue(Priority priority, Instant receivedAt) {
        Target target = targets.get(priority);
        return switch (target.clock()) {
            case ALWAYS -> receivedAt.plus(target.respondWithin());
            case BUSINESS_HOURS -> calendar.addOpenTime(receivedAt, target.respondWithin());
        };
    }

    public Target target(Priority priority) {
        return targets.get(priority);
    }
}
