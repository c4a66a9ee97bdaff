package com.plumbline.intake.security;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A refresh token's SHA-256 (table {@code refresh_token}); the token itself is never stored. */
@Entity
@Table(name = "refresh_token")
public class RefreshToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String tokenHash;

    private Long accountId;

    private Instant expiresAt;

    private Instant revokedAt;

    private Instant createdAt;

    protected RefreshToken() {
    }

    RefreshToken(String tokenHash, long accountId, Instant expiresAt, Instant createdAt) {
        this.tokenHash = tokenHash;
        this.accountId = accountId;
        this.expiresAt = expiresAt;
        this.createdAt = createdAt;
    }

    Long getAccountId() {
        return accountId;
    }

    boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }
}
