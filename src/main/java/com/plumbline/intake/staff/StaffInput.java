package com.plumbline.intake.staff;

import com.plumbline.intake.notify.Reachability;
import com.plumbline.intake.notify.NotifyChannel;
import java.util.List;

import com.plumbline.intake.rules.ServiceType;

/** A staff member as given (REST body or the rules file's staff section), before validation. */
public record StaffInput(String name, StaffRole role, String email, String phone, List<NotifyChannel> channels,
                         List<Reachability> reachable, List<ServiceType> skills, Boolean active) {
}
