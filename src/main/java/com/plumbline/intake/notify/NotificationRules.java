package com.plumbline.intake.notify;

import com.plumbline.intake.staff.StaffSection;
import com.plumbline.intake.staff.StaffRulesFile;
import com.plumbline.intake.staff.StaffRole;
import com.plumbline.intake.staff.StaffMember;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import com.plumbline.intake.conversation.ThreadedMessage;
import com.plumbline.intake.notify.NotificationRulesFile.EscalationRules;
import com.plumbline.intake.notify.NotificationRulesFile.Rule;
import com.plumbline.intake.notify.NotificationRulesFile.Tier;
import com.plumbline.intake.notify.NotificationRulesFile.Window;
import com.plumbline.intake.rules.Priority;
import com.plumbline.intake.rules.RulesBook;
import com.plumbline.intake.rules.RulesSection;
import org.springframework.stereotype.Component;

/**
 * Who is told about a message, and on which channels: the {@code notifications} and {@code staff}
 * sections of config/rules.yaml, reloaded and validated with the rest of the file. Without a
 * {@code notifications} section the defaults apply (EMERGENCY: on-call and dispatcher by SMS,
 * email and dashboard; HIGH: dispatcher by email and dashboard; MEDIUM/LOW: dashboard only).
 */
@Component("notificationRules")
public class NotificationRules {

    /** A staff member to notify and the channels to use. */
    public record Recipient(StaffMember staff, Set<NotifyChannel> channels) {
    }

    /** The escalation ladder in force, durations parsed. */
    public record Ladder(Set<Priority> priorities, List<Rung> rungs, int maxRepeats) {
        public boolean applies(Priority priority) {
            return priorities.contains(priority);
        }
    }

    public record Rung(Duration after, List<StaffRole> roles, Set<NotifyChannel> channels, Duration repeatEvery) {
    }

    /** Only the time zone of the classifier's businessHours section (read, not owned, here). */
    public record BusinessZone(String timeZone) {
    }

    static final NotificationRulesFile DEFAULTS = new NotificationRulesFile(
            List.of(new Rule(List.of(Priority.EMERGENCY), Window.ANY, List.of(StaffRole.ON_CALL, StaffRole.DISPATCHER),
                            List.of(NotifyChannel.SMS, NotifyChannel.EMAIL, NotifyChannel.DASHBOARD), false),
                    new Rule(List.of(Priority.HIGH), Window.ANY, List.of(StaffRole.DISPATCHER),
                            List.of(NotifyChannel.EMAIL, NotifyChannel.DASHBOARD), false),
                    new Rule(List.of(Priority.MEDIUM, Priority.LOW), Window.ANY, List.of(StaffRole.DISPATCHER),
                            List.of(NotifyChannel.DASHBOARD), false)),
            new EscalationRules(List.of(Priority.EMERGENCY),
                    List.of(new Tier("5m", List.of(StaffRole.MANAGER), List.of(NotifyChannel.SMS, NotifyChannel.EMAIL), null),
                            new Tier("15m", List.of(StaffRole.OWNER), List.of(NotifyChannel.SMS, NotifyChannel.EMAIL), "15m")),
                    12));

    private final Supplier<NotificationRulesFile> notifications;
    private final Supplier<StaffRulesFile> staff;
    private final Supplier<BusinessZone> zone;

    public NotificationRules(RulesBook rulesBook) {
        this.notifications = rulesBook.register(RulesSection.of("notifications", NotificationRulesFile.class,
                NotificationRules::problems));
        this.staff = rulesBook.register(RulesSection.of("staff", StaffRulesFile.class, StaffSection::problems));
        this.zone = rulesBook.register(RulesSection.of("businessHours", BusinessZone.class, z -> List.of()));
    }

    /** The staff to notify about a message: rules matching its priority and time window, reachable now. */
    public List<Recipient> recipients(ThreadedMessage message, List<StaffMember> directory, Instant now) {
        Priority priority = message.classification().priority();
        boolean afterHours = message.classification().afterHours();
        Map<Long, Set<NotifyChannel>> chosen = new LinkedHashMap<>();
        Map<Long, StaffMember> byId = new LinkedHashMap<>();
        for (Rule rule : rules().rules()) {
            if (!rule.priorities().contains(priority) || !inWindow(rule.window(), afterHours)) {
                continue;
            }
            for (StaffMember member : directory) {
                boolean byRole = rule.roles() != null && rule.roles().contains(member.getRole());
                boolean bySkill = Boolean.TRUE.equals(rule.skilledTechnicians())
                        && member.getRole() == StaffRole.TECHNICIAN
                        && member.getSkills().contains(message.classification().serviceType());
                if (member.isActive() && (byRole || bySkill) && reachable(member, afterHours, now)) {
                    byId.put(member.getId(), member);
                    chosen.computeIfAbsent(member.getId(), id -> EnumSet.noneOf(NotifyChannel.class))
                            .addAll(channelsFor(member, rule.channels()));
                }
            }
        }
        List<Recipient> recipients = new ArrayList<>();
        chosen.forEach((id, channels) -> recipients.add(new Recipient(byId.get(id), channels)));
        return recipients;
    }

    /** The staff an escalation rung calls: everyone active in its roles, day or night. */
    public List<Recipient> escalationRecipients(Rung rung, List<StaffMember> directory) {
        List<Recipient> recipients = new ArrayList<>();
        for (StaffMember member : directory) {
            if (member.isActive() && rung.roles().contains(member.getRole())) {
                recipients.add(new Recipient(member, channelsFor(member, List.copyOf(rung.channels()))));
            }
        }
        return recipients;
    }

    public Ladder ladder() {
        EscalationRules rules = Optional.ofNullable(rules().escalation()).orElse(DEFAULTS.escalation());
        List<Rung> rungs = rules.tiers().stream()
                .map(t -> new Rung(Durations.parse(t.after()), t.roles(), EnumSet.copyOf(t.channels()),
                        t.repeatEvery() == null ? null : Durations.parse(t.repeatEvery())))
                .toList();
        Set<Priority> priorities = rules.priorities() == null || rules.priorities().isEmpty()
                ? EnumSet.noneOf(Priority.class) : EnumSet.copyOf(rules.priorities());
        return new Ladder(priorities, rungs, rules.maxRepeats() == null ? 12 : rules.maxRepeats());
    }

    /** The staff section's members, for seeding an empty directory. */
    public List<StaffRulesFile.Member> seedMembers() {
        StaffRulesFile file = staff.get();
        return file == null || file.members() == null ? List.of() : file.members();
    }

    public ZoneId zone() {
        BusinessZone business = zone.get();
        return business == null || business.timeZone() == null ? ZoneId.of("UTC") : ZoneId.of(business.timeZone());
    }

    /** Who the rota says is on call at {@code now}, if anyone. */
    public Optional<String> onCall(Instant now) {
        StaffRulesFile file = staff.get();
        if (file == null || file.onCallRota() == null) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone());
        StaffRulesFile.Rota rota = file.onCallRota();
        if (rota.weekdays() != null && rota.weekdays().containsKey(local.getDayOfWeek())) {
            return Optional.of(rota.weekdays().get(local.getDayOfWeek()));
        }
        if (rota.weekly() != null && !rota.weekly().isEmpty()) {
            int week = local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            return Optional.of(rota.weekly().get((week - 1) % rota.weekly().size()));
        }
        return Optional.empty();
    }

    boolean reachable(StaffMember member, boolean afterHours, Instant now) {
        Set<Reachability> when = member.getAvailability();
        if (when.isEmpty()) {
            when = EnumSet.of(Reachability.BUSINESS_HOURS);
        }
        if (when.contains(Reachability.BUSINESS_HOURS) && !afterHours) {
            return true;
        }
        if (when.contains(Reachability.AFTER_HOURS) && afterHours) {
            return true;
        }
        DayOfWeek day = now.atZone(zone()).getDayOfWeek();
        if (when.contains(Reachability.WEEKENDS) && (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY)) {
            return true;
        }
        return when.contains(Reachability.ON_CALL_ROTA)
                && onCall(now).map(name -> name.equalsIgnoreCase(member.getName())).orElse(false);
    }

    /** The rule's channels the member prefers; the rule's own when the member prefers none of them. */
    private static Set<NotifyChannel> channelsFor(StaffMember member, List<NotifyChannel> ruleChannels) {
        EnumSet<NotifyChannel> channels = EnumSet.copyOf(ruleChannels);
        Set<NotifyChannel> preferred = member.getChannels();
        EnumSet<NotifyChannel> both = EnumSet.copyOf(channels);
        both.retainAll(preferred);
        return both.isEmpty() ? channels : both;
    }

    private static boolean inWindow(Window window, boolean afterHours) {
        return window == null || window == Window.ANY || (window == Window.AFTER_HOURS) == afterHours;
    }

    private NotificationRulesFile rules() {
        NotificationRulesFile file = notifications.get();
        if (file == null) {
            return DEFAULTS;
        }
        return new NotificationRulesFile(file.rules() == null ? DEFAULTS.rules() : file.rules(), file.escalation());
    }

    static List<String> problems(NotificationRulesFile file) {
        List<String> problems = new ArrayList<>();
        List<Rule> rules = file.rules() == null ? List.of() : file.rules();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            String key = "rules[" + i + "]";
            if (rule.priorities() == null || rule.priorities().isEmpty()) {
                problems.add(key + ".priorities: name at least one of EMERGENCY, HIGH, MEDIUM, LOW");
            }
            if ((rule.roles() == null || rule.roles().isEmpty()) && !Boolean.TRUE.equals(rule.skilledTechnicians())) {
                problems.add(key + ".roles: name at least one role (or set skilledTechnicians: true)");
            }
            if (rule.channels() == null || rule.channels().isEmpty()) {
                problems.add(key + ".channels: name at least one of EMAIL, SMS, DASHBOARD");
            }
        }
        EscalationRules escalation = file.escalation();
        if (escalation != null) {
            List<Tier> tiers = escalation.tiers() == null ? List.of() : escalation.tiers();
            if (tiers.isEmpty()) {
                problems.add("escalation.tiers: name at least one tier");
            }
            Duration previous = Duration.ZERO;
            for (int i = 0; i < tiers.size(); i++) {
                Tier tier = tiers.get(i);
                String key = "escalation.tiers[" + i + "]";
                if (!Durations.valid(tier.after())) {
                    problems.add(key + ".after: '" + tier.after() + "' is not a duration (e.g. 5m)");
                } else if (Durations.parse(tier.after()).compareTo(previous) <= 0) {
                    problems.add(key + ".after: must be later than the tier before");
                } else {
                    previous = Durations.parse(tier.after());
                }
                if (tier.roles() == null || tier.roles().isEmpty()) {
                    problems.add(key + ".roles: name at least one role");
                }
                if (tier.channels() == null || tier.channels().isEmpty()) {
                    problems.add(key + ".channels: name at least one channel");
                }
                if (tier.repeatEvery() != null && (!Durations.valid(tier.repeatEvery())
                        || Durations.parse(tier.repeatEvery()).isZero())) {
                    problems.add(key + ".repeatEvery: '" + tier.repeatEvery() + "' is not a positive duration");
                }
            }
        }
        return problems;
    }
}
