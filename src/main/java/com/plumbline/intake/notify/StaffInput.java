package com.plumbline.intake.notify;

import java.util.List;

import com.plumbline.intake.rules.ServiceType;

/** A staff member as given (REST body or the rules file's staff section), before validation. */
public record StaffInput(String name, StaffRole role, String email, String phone, List<NotifyChannel> channels,
                         List<Reachability> reachable, List<ServiceType> skills, Boolean active) {
}
