package com.plumbline.intake.notify;

/** How a staff member is told: an email, an SMS, or an alert on every open dashboard. */
public enum NotifyChannel {
    EMAIL,
    SMS,
    DASHBOARD
}
