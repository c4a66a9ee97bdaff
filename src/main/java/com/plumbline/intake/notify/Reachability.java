package com.plumbline.intake.notify;

/**
 * When a staff member may be notified. BUSINESS_HOURS and AFTER_HOURS follow the rules' business
 * calendar (the message's classification says which applies); WEEKENDS is Saturday and Sunday in
 * the business time zone; ON_CALL_ROTA means "when the rota in config/rules.yaml names me".
 */
public enum Reachability {
    BUSINESS_HOURS,
    AFTER_HOURS,
    WEEKENDS,
    ON_CALL_ROTA
}
