package com.plumbline.intake.rules;

/** The kind of job a message asks for; decides the job template and the quote. */
public enum ServiceType {
    WATER_HEATER,
    DRAIN_CLEANING,
    TOILET_REPAIR,
    LEAK_DETECTION,
    /** Sewer, water or gas line. */
    MAIN_LINE,
    GENERAL
}
