package com.plumbline.intake.staff;

/** What a staff member does; notification and escalation rules address staff by role. */
public enum StaffRole {
    DISPATCHER,
    TECHNICIAN,
    ON_CALL,
    MANAGER,
    OWNER
}
