package com.plumbline.intake.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

import com.plumbline.intake.staff.StaffMember;
import com.plumbline.intake.staff.StaffMemberRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passwords, logins with lockout, refresh and logout. A login answers the same for an unknown
 * name and a wrong password, and takes as long (a bcrypt check either way).
 */
@Service
public class Logins {

    /** What a login or a refresh gives. */
    public record Tokens(String accessToken, String tokenType, long expiresIn, String refreshToken, Set<String> roles) {
    }

    /** The login failed; {@code retryAfter} is set when the account is locked. */
    public static class LoginRefused extends RuntimeException {
        private final Duration retryAfter;

        LoginRefused(Duration retryAfter) {
            super(retryAfter == null ? "wrong user name or password" : "too many failed logins; try again later");
            this.retryAfter = retryAfter;
        }

        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    private static final int MIN_PASSWORD_LENGTH = 12;
    private static final int MAX_PASSWORD_LENGTH = 72; // bcrypt reads at most 72 bytes

    private final UserAccountRepository accounts;
    private final RefreshTokenRepository refreshTokens;
    private final StaffMemberRepository staff;
    private final PasswordEncoder encoder;
    private final AccessTokens accessTokens;
    private final SecurityProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final String dummyHash;

    public Logins(UserAccountRepository accounts, RefreshTokenRepository refreshTokens, StaffMemberRepository staff,
                  PasswordEncoder encoder, AccessTokens accessTokens, SecurityProperties properties, Clock clock) {
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
        this.staff = staff;
        this.encoder = encoder;
        this.accessTokens = accessTokens;
        this.properties = properties;
        this.clock = clock;
        this.dummyHash = encoder.encode("not-a-password-" + random.nextLong());
    }

    @Transactional(noRollbackFor = LoginRefused.class)
    public Tokens login(String username, String password) {
        UserAccount account = authenticate(username, password);
        return tokensFor(account, whoIs(account).orElseThrow(() -> new LoginRefused(null)));
    }

    private UserAccount authenticate(String username, String password) {
        if (username == null || password == null || username.length() > 100 || password.length() > 200) {
            throw new LoginRefused(null);
        }
        Optional<UserAccount> found = accounts.findByUsername(username);
        if (found.isEmpty()) {
            encoder.matches(password, dummyHash);
            throw new LoginRefused(null);
        }
        UserAccount account = found.get();
        Instant now = clock.instant();
        if (account.getLockedUntil() != null && now.isBefore(account.getLockedUntil())) {
            throw new LoginRefused(Duration.between(now, account.getLockedUntil()));
        }
        if (!encoder.matches(password, account.getPasswordHash())) {
            account.loginFailed(properties.maxFailedLogins(), now.plus(properties.lockout()));
            if (account.getLockedUntil() != null && now.isBefore(account.getLockedUntil())) {
                throw new LoginRefused(properties.lockout());
            }
            throw new LoginRefused(null);
        }
        account.loginSucceeded();
        return account;
    }

    /** New tokens for a valid refresh token, which is used up (rotation). */
    @Transactional
    public Tokens refresh(String refreshToken) {
        Instant now = clock.instant();
        RefreshToken stored = findRefresh(refreshToken).filter(t -> t.usableAt(now))
                .orElseThrow(() -> new LoginRefused(null));
        stored.revoke(now);
        UserAccount account = accounts.findById(stored.getAccountId()).orElseThrow(() -> new LoginRefused(null));
        LoggedIn who = whoIs(account).orElseThrow(() -> new LoginRefused(null));
        return tokensFor(account, who);
    }

    /** Revokes the refresh token; unknown tokens are ignored. */
    @Transactional
    public void logout(String refreshToken) {
        findRefresh(refreshToken).ifPresent(t -> t.revoke(clock.instant()));
    }

    /** Gives a staff member a login (or a new password). */
    @Transactional
    public void setPassword(long staffMemberId, String username, String password) {
        StaffMember member = staff.findById(staffMemberId)
                .orElseThrow(() -> new com.plumbline.intake.notify.NotFoundException("No staff member " + staffMemberId));
        checkNewLogin(username, password);
        Optional<UserAccount> sameName = accounts.findByUsername(username);
        if (sameName.isPresent() && !member.getId().equals(sameName.get().getStaffMemberId())) {
            throw new com.plumbline.intake.notify.InvalidInputException("username: already taken");
        }
        UserAccount account = accounts.findByStaffMemberId(staffMemberId)
                .orElseGet(() -> new UserAccount(username, "", member.getId(), false, clock.instant()));
        account.setPassword(username, encoder.encode(password));
        accounts.save(account);
    }

    /** The first-run admin account, when there is no admin yet. */
    @Transactional
    public boolean bootstrapAdmin(String username, String password) {
        accounts.lockForBootstrap();
        if (accounts.existsByAdminTrue()) {
            return false;
        }
        checkNewLogin(username, password);
        accounts.save(new UserAccount(username, encoder.encode(password), null, true, clock.instant()));
        return true;
    }

    /** Who this account is now: roles from the staff directory (inactive staff cannot log in). */
    Optional<LoggedIn> whoIs(UserAccount account) {
        Set<String> roles = new HashSet<>();
        if (account.isAdmin()) {
            roles.add(Roles.ADMIN);
        }
        if (account.getStaffMemberId() != null) {
            Optional<StaffMember> member = staff.findById(account.getStaffMemberId()).filter(StaffMember::isActive);
            if (member.isEmpty()) {
                return Optional.empty();
            }
            roles.add(member.get().getRole().name());
        }
        return roles.isEmpty() ? Optional.empty()
                : Optional.of(new LoggedIn(account.getUsername(), account.getStaffMemberId(), Set.copyOf(roles)));
    }

    /** For HTTP Basic on the operations paths (Hawtio in a browser). */
    @Transactional(noRollbackFor = LoginRefused.class)
    public LoggedIn checkPassword(String username, String password) {
        UserAccount account = authenticate(username, password); // counts failures and locks like a login
        return whoIs(account).orElseThrow(() -> new LoginRefused(null));
    }

    private Tokens tokensFor(UserAccount account, LoggedIn who) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        refreshTokens.save(new RefreshToken(sha256(refresh), account.getId(), now.plus(properties.refreshTokenTtl()), now));
        return new Tokens(accessTokens.issue(who), "Bearer", properties.accessTokenTtl().toSeconds(), refresh, who.roles());
    }

    private Optional<RefreshToken> findRefresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > 100) {
            return Optional.empty();
        }
        return refreshTokens.findByTokenHash(sha256(refreshToken));
    }

    private static void checkNewLogin(String username, String password) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{3,100}")) {
            throw new com.plumbline.intake.notify.InvalidInputException(
                    "username: 3 to 100 letters, digits or . _ @ -");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_LENGTH) {
            throw new com.plumbline.intake.notify.InvalidInputException(
                    "password: " + MIN_PASSWORD_LENGTH + " to " + MAX_PASSWORD_LENGTH + " bytes");
        }
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
