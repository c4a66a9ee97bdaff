package com.plumbline.intake.staff;

import com.plumbline.intake.notify.Reachability;
import com.plumbline.intake.notify.NotifyChannel;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;

import com.plumbline.intake.rules.ServiceType;

/**
 * The {@code staff} section of config/rules.yaml: the people seeded into the staff directory when
 * it is empty, and the on-call rota (read on every notification, so a rota edit applies at once).
 */
public record StaffRulesFile(List<Member> members, Rota onCallRota) {

    public record Member(String name, StaffRole role, String email, String phone, List<NotifyChannel> channels,
                         List<Reachability> reachable, List<ServiceType> skills) {
    }

    /**
     * @param weekly   names in turn, one per ISO week: week N is {@code weekly[(N - 1) % size]}
     * @param weekdays a name per day of the week; wins over {@code weekly} on that day
     */
    public record Rota(List<String> weekly, Map<DayOfWeek, String> weekdays) {
    }
}
