package com.plumbline.intake.notify;

import java.time.Clock;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The {@code :now} parameter of the {@code Escalation.due} query, read from the injectable clock
 * at every poll (camel-jpa reads its parameters map afresh on each poll), so tests move time with
 * the clock instead of sleeping.
 */
@Component("escalationDueParameters")
public class EscalationDueParameters extends AbstractMap<String, Object> {

    private final Clock clock;

    public EscalationDueParameters(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return Set.of(Map.entry("now", clock.instant()));
    }
}
