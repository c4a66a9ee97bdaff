package com.plumbline.intake.rules;

/** How fast a message must be answered; each level carries the JMS priority its job is sent with. */
public enum Priority {
    EMERGENCY(9),
    HIGH(7),
    MEDIUM(4),
    LOW(1);

    private final int jmsPriority;

    Priority(int jmsPriority) {
        this.jmsPriority = jmsPriority;
    }

    public int jmsPriority() {
        return jmsPriority;
    }

    public boolean isAbove(Priority other) {
        return ordinal() < other.ordinal();
    }

    public static Priority higherOf(Priority a, Priority b) {
        return a.isAbove(b) ? a : b;
    }
}
