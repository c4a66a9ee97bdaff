package com.plumbline.intake.staff;

import com.plumbline.intake.notify.Reachability;
import com.plumbline.intake.notify.NotifyChannel;
import com.plumbline.intake.notify.NotificationRules;
import com.plumbline.intake.notify.NotFoundException;
import com.plumbline.intake.notify.InvalidInputException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.plumbline.intake.conversation.PhoneNumbers;
import com.plumbline.intake.rules.ServiceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff directory (table {@code staff_member}): validated on every save, seeded from the
 * rules file's {@code staff} section when the table is empty at start (once, also when several
 * instances start together on an empty database).
 */
@Component("staffDirectory")
public class StaffDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(StaffDirectory.class);

    private final StaffMemberRepository repository;
    private final PhoneNumbers phoneNumbers;
    private final NotificationRules rules;
    private final Clock clock;

    public StaffDirectory(StaffMemberRepository repository, PhoneNumbers phoneNumbers, NotificationRules rules,
                          Clock clock) {
        this.repository = repository;
        this.phoneNumbers = phoneNumbers;
        this.rules = rules;
        this.clock = clock;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Transactional
    public void seedWhenEmpty() {
        repository.lockForSeeding();
        if (repository.count() > 0) {
            return;
        }
        for (StaffRulesFile.Member member : rules.seedMembers()) {
            try {
                create(new StaffInput(member.name(), member.role(), member.email(), member.phone(), member.channels(),
                        member.reachable(), member.skills(), true));
            } catch (InvalidInputException e) {
                LOG.warn("Staff member '{}' from the rules file not seeded: {}", member.name(), e.getMessage());
            }
        }
        LOG.info("Staff directory seeded with {} members from the rules file", repository.count());
    }

    @Transactional(readOnly = true)
    public List<StaffMember> all() {
        return repository.findAllByOrderById();
    }

    @Transactional(readOnly = true)
    public List<StaffMember> active() {
        return repository.findByActiveTrueOrderById();
    }

    @Transactional(readOnly = true)
    public StaffMember get(long id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException("no staff member " + id));
    }

    @Transactional
    public StaffMember create(StaffInput input) {
        StaffMember member = new StaffMember(clock.instant());
        apply(member, input);
        return repository.save(member);
    }

    @Transactional
    public StaffMember update(long id, StaffInput input) {
        StaffMember member = repository.findById(id).orElseThrow(() -> new NotFoundException("no staff member " + id));
        apply(member, input);
        return member;
    }

    /** Deactivates rather than deletes: past notifications keep pointing at who received them. */
    @Transactional
    public void delete(long id) {
        StaffMember member = repository.findById(id).orElseThrow(() -> new NotFoundException("no staff member " + id));
        member.update(member.getName(), member.getRole(), member.getEmail(), member.getPhone(), member.getChannels(),
                member.getAvailability(), member.getSkills(), false);
    }

    /** An active staff member with this number (any format), if one exists. */
    @Transactional(readOnly = true)
    public java.util.Optional<StaffMember> byPhone(String phone) {
        PhoneNumbers.Normalised normalised = phoneNumbers.normalise(phone);
        if (!normalised.valid()) {
            return java.util.Optional.empty();
        }
        return repository.findFirstByPhoneAndActiveTrue(normalised.value());
    }

    private void apply(StaffMember member, StaffInput input) {
        List<String> problems = new ArrayList<>();
        if (input.name() == null || input.name().isBlank()) {
            problems.add("name: must not be empty");
        }
        if (input.role() == null) {
            problems.add("role: one of DISPATCHER, TECHNICIAN, ON_CALL, MANAGER, OWNER");
        }
        String email = blankToNull(input.email());
        if (email != null && !looksLikeEmail(email)) {
            problems.add(email.length() > EmailAddresses.MAX_LENGTH
                    ? "email: longer than " + EmailAddresses.MAX_LENGTH + " characters"
                    : "email: '" + email + "' is not an email address");
        }
        String phone = null;
        if (blankToNull(input.phone()) != null) {
            PhoneNumbers.Normalised normalised = phoneNumbers.normalise(input.phone());
            if (normalised.valid()) {
                phone = normalised.value();
            } else {
                problems.add("phone: '" + input.phone() + "' is not a valid phone number (E.164, e.g. +15125550100)");
            }
        }
        Set<NotifyChannel> channels = copy(input.channels(), NotifyChannel.class);
        if (channels.isEmpty()) {
            channels = EnumSet.of(NotifyChannel.DASHBOARD);
        }
        if (channels.contains(NotifyChannel.EMAIL) && email == null && !problems.toString().contains("email")) {
            problems.add("email: required when EMAIL is one of the channels");
        }
        if (channels.contains(NotifyChannel.SMS) && phone == null && !problems.toString().contains("phone")) {
            problems.add("phone: required when SMS is one of the channels");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(String.join("; ", problems));
        }
        member.update(input.name().trim(), input.role(), email, phone, channels,
                copy(input.reachable(), Reachability.class), copy(input.skills(), ServiceType.class),
                input.active() == null || input.active());
    }

    static boolean looksLikeEmail(String value) {
        return EmailAddresses.isValid(value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static <E extends Enum<E>> Set<E> copy(List<E> values, Class<E> type) {
        EnumSet<E> set = EnumSet.noneOf(type);
        if (values != null) {
            values.stream().filter(v -> v != null).forEach(set::add);
        }
        return set;
    }
}
