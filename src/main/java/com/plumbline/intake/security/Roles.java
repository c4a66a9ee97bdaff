package com.plumbline.intake.security;

import java.util.Set;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;

/**
 * Roles: the staff roles (DISPATCHER, TECHNICIAN, ON_CALL, MANAGER, OWNER) and ADMIN for
 * operations. Higher roles may do what lower ones may (see README, "Roles").
 */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String OWNER = "OWNER";
    public static final String MANAGER = "MANAGER";
    public static final String DISPATCHER = "DISPATCHER";
    public static final String TECHNICIAN = "TECHNICIAN";
    public static final String ON_CALL = "ON_CALL";
    /** The Prometheus scrape (token, not a person). */
    public static final String METRICS = "METRICS";

    /** Roles that see every message, customer and notification, not only their own. */
    static final Set<String> SEE_ALL = Set.of(ADMIN, OWNER, MANAGER, DISPATCHER);

    private Roles() {
    }

    static RoleHierarchy hierarchy() {
        return RoleHierarchyImpl.fromHierarchy("""
                ROLE_ADMIN > ROLE_OWNER
                ROLE_OWNER > ROLE_MANAGER
                ROLE_MANAGER > ROLE_DISPATCHER
                ROLE_DISPATCHER > ROLE_TECHNICIAN
                ROLE_ON_CALL > ROLE_TECHNICIAN
                """);
    }
}
