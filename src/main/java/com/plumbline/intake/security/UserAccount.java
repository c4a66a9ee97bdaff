package com.plumbline.intake.security;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Someone who may log in (table {@code user_account}); roles come from the linked staff member. */
@Entity
@Table(name = "user_account")
public class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    private String passwordHash;

    private Long staffMemberId;

    private boolean admin;

    private int failedLogins;

    private Instant lockedUntil;

    private Instant createdAt;

    protected UserAccount() {
    }

    UserAccount(String username, String passwordHash, Long staffMemberId, boolean admin, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.staffMemberId = staffMemberId;
        this.admin = admin;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    public Long getStaffMemberId() {
        return staffMemberId;
    }

    public boolean isAdmin() {
        return admin;
    }

    int getFailedLogins() {
        return failedLogins;
    }

    Instant getLockedUntil() {
        return lockedUntil;
    }

    void setPassword(String username, String passwordHash) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.failedLogins = 0;
        this.lockedUntil = null;
    }

    void loginFailed(int maxFailures, Instant lockUntil) {
        failedLogins++;
        if (failedLogins >= maxFailures) {
            lockedUntil = lockUntil;
            failedLogins = 0;
        }
    }

    void loginSucceeded() {
        failedLogins = 0;
        lockedUntil = null;
    }
}
