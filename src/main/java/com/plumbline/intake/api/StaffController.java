package com.plumbline.intake.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.plumbline.intake.notify.NotifyChannel;
import com.plumbline.intake.notify.Reachability;
import com.plumbline.intake.staff.StaffDirectory;
import com.plumbline.intake.staff.StaffInput;
import com.plumbline.intake.staff.StaffRole;
import com.plumbline.intake.security.LoggedIn;
import com.plumbline.intake.security.Roles;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import com.plumbline.intake.staff.StaffMember;
import com.plumbline.intake.staff.StaffRole;
import com.plumbline.intake.rules.ServiceType;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The staff directory: who can be notified, how and when. */
@RestController
@RequestMapping("/api/staff")
public class StaffController {

    /** A staff member as the API shows it. */
    public record StaffView(long id, String name, StaffRole role, String email, String phone,
                            Set<NotifyChannel> channels, Set<Reachability> reachable, Set<ServiceType> skills,
                            boolean active, Instant createdAt) {
        static StaffView of(StaffMember m) {
            return new StaffView(m.getId(), m.getName(), m.getRole(), m.getEmail(), m.getPhone(), m.getChannels(),
                    m.getAvailability(), m.getSkills(), m.isActive(), m.getCreatedAt());
        }
    }

    private final StaffDirectory directory;

    public StaffController(StaffDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    public List<StaffView> list() {
        return directory.all().stream().map(StaffView::of).toList();
    }

    @GetMapping("/{id}")
    public StaffView get(@PathVariable long id) {
        return StaffView.of(directory.get(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public StaffView create(@RequestBody StaffInput input, @AuthenticationPrincipal LoggedIn who) {
        if (input.role() == StaffRole.MANAGER || input.role() == StaffRole.OWNER) {
            ownersOnly(who, "only an owner adds a manager or an owner");
        }
        return StaffView.of(directory.create(input));
    }

    @PutMapping("/{id}")
    public StaffView update(@PathVariable long id, @RequestBody StaffInput input, @AuthenticationPrincipal LoggedIn who) {
        if (input.role() != null && input.role() != directory.get(id).getRole()) {
            ownersOnly(who, "only an owner changes a role");
        }
        return StaffView.of(directory.update(id, input));
    }

    /**
     * Roles decide who may do what (and who gets the escalation SMS): a manager edits the
     * directory but cannot raise anyone, themselves included, to manager or owner.
     */
    private static void ownersOnly(LoggedIn who, String why) {
        if (who == null || !(who.roles().contains(Roles.OWNER) || who.roles().contains(Roles.ADMIN))) {
            throw new AccessDeniedException(why);
        }
    }

    /** Deactivates the staff member (kept for the history of who was notified). */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable long id) {
        directory.delete(id);
    }
}
