package com.plumbline.intake.dashboard;

import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.plumbline.intake.notify.StaffDirectory;
import com.plumbline.intake.notify.StaffMember;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * THE DISPATCH BOARD'S AUTH SEAM, all in this one class, to be replaced by the security login
 * ({@code POST /api/auth/login}, JWT with roles from the staff directory).
 * <p>
 * Until then: a DEVELOPMENT login, {@code POST /api/dev/login {"staffId": 1}}, that trusts the
 * caller to say who they are and answers an HS256 JWT (subject = staff id, claims name and role)
 * signed with a key made at start. It is off unless {@code intake.dashboard.dev-login.enabled=true},
 * and the {@code prod} profile refuses to start with it on. The board sends the token as
 * {@code Authorization: Bearer} and as the first WebSocket message {@code {"type":"auth","token":...}};
 * {@link #identify(String)} is the one place that reads it.
 */
@RestController
public class DevLogin {

    /** Who a token says the caller is. */
    public record Identity(long staffId, String name, String role) {
    }

    public record LoginRequest(Long staffId) {
    }

    private static final Duration LIFETIME = Duration.ofHours(12);

    private final boolean enabled;
    private final StaffDirectory staff;
    private final Clock clock;
    private final byte[] key = new byte[32];

    public DevLogin(@Value("${intake.dashboard.dev-login.enabled:false}") boolean enabled, Environment environment,
                    StaffDirectory staff, Clock clock) {
        if (enabled && environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("intake.dashboard.dev-login.enabled=true is a development login that "
                    + "trusts anyone; the prod profile refuses to start with it (use the security login)");
        }
        this.enabled = enabled;
        this.staff = staff;
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    @PostMapping("/api/dev/login")
    public ResponseEntity<?> login(@RequestBody(required = false) LoginRequest request) throws JOSEException {
        if (!enabled) {
            return ApiError.of(HttpStatus.NOT_FOUND, "not_found",
                    "the development login is off (intake.dashboard.dev-login.enabled)");
        }
        if (request == null || request.staffId() == null) {
            return ApiError.of(HttpStatus.BAD_REQUEST, "bad_request", "staffId is required");
        }
        StaffMember member = staff.get(request.staffId());
        if (!member.isActive()) {
            return ApiError.of(HttpStatus.BAD_REQUEST, "bad_request", "staff member " + member.getId() + " is not active");
        }
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(member.getId().toString())
                .claim("name", member.getName()).claim("role", member.getRole().name())
                .issueTime(Date.from(clock.instant())).expirationTime(Date.from(clock.instant().plus(LIFETIME)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(key));
        return ResponseEntity.ok(Map.of("token", jwt.serialize(), "staffId", member.getId(), "name", member.getName(),
                "role", member.getRole().name()));
    }

    /** The caller a token names, or empty for a missing, forged or expired token. */
    public Optional<Identity> identify(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token.startsWith("Bearer ") ? token.substring(7).trim() : token.trim());
            if (!jwt.verify(new MACVerifier(key))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (claims.getExpirationTime() == null || claims.getExpirationTime().toInstant().isBefore(clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(new Identity(Long.parseLong(claims.getSubject()), claims.getStringClaim("name"),
                    claims.getStringClaim("role")));
        } catch (ParseException | JOSEException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The caller of a REST request ({@code Authorization} header), or 401 as a {@link NotAuthenticated}. */
    public Identity require(String authorization) {
        return identify(authorization).orElseThrow(NotAuthenticated::new);
    }

    /** No valid token: answered 401 by {@link BoardController}. */
    public static final class NotAuthenticated extends RuntimeException {
        NotAuthenticated() {
            super("log in first: Authorization: Bearer <token>");
        }
    }

}
