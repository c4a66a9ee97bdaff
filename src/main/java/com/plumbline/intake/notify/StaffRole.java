package com.plumbline.intake.notify;

/** What a staff member does; notification and escalation rules address staff by role. */
public enum StaffRole {
    DISPATCHER,
    TECHNICIAN,
    ON_CALL,
    MANAGER,
    OWNER
}
