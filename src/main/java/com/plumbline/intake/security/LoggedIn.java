package com.plumbline.intake.security;

import java.util.Set;

/**
 * The person behind a request: user name, staff member (null for an account without one) and
 * roles ({@link Roles}).
 */
public record LoggedIn(String username, Long staffMemberId, Set<String> roles) {

    /** True when only technician-level roles are held: such a person sees only their own items. */
    public boolean seesOnlyOwn() {
        return roles.stream().noneMatch(Roles.SEE_ALL::contains);
    }
}
