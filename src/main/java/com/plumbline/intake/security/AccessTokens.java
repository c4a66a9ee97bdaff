package com.plumbline.intake.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Short-lived HS256 access tokens (Nimbus JOSE): subject, roles, staff member id, issuer and
 * audience. Anything not signed with our key, with another algorithm, audience or issuer, or
 * expired reads as no token at all.
 */
@Component
public class AccessTokens {

    private static final Logger LOG = LoggerFactory.getLogger(AccessTokens.class);
    private static final int MIN_KEY_BYTES = 32;

    private final byte[] key;
    private final SecurityProperties properties;
    private final Clock clock;

    public AccessTokens(SecurityProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        if (properties.jwtSecret().isBlank()) {
            // prod refuses to start without JWT_SECRET (StartupSecrets); elsewhere a key per start
            LOG.warn("JWT_SECRET is not set: using a random key, logins end when the service stops");
            key = new byte[MIN_KEY_BYTES];
            new SecureRandom().nextBytes(key);
        } else {
            key = properties.jwtSecret().getBytes(StandardCharsets.UTF_8);
            if (key.length < MIN_KEY_BYTES) {
                throw new IllegalStateException("JWT_SECRET must be at least " + MIN_KEY_BYTES + " bytes");
            }
        }
    }

    /** A signed access token for this person. */
    public String issue(LoggedIn who) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(who.username())
                .issuer(properties.issuer())
                .audience(properties.issuer())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(properties.accessTokenTtl())))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.copyOf(who.roles()));
        if (who.staffMemberId() != null) {
            claims.claim("staff", who.staffMemberId());
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                    claims.build());
            jwt.sign(new MACSigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token", e);
        }
    }

    /** The person a valid token stands for; empty for anything else (the reason is not told). */
    public Optional<Verified> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(key))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            if (claims.getExpirationTime() == null || !now.isBefore(claims.getExpirationTime().toInstant())
                    || (claims.getNotBeforeTime() != null && now.isBefore(claims.getNotBeforeTime().toInstant()))
                    || !properties.issuer().equals(claims.getIssuer())
                    || claims.getAudience() == null || !claims.getAudience().contains(properties.issuer())
                    || claims.getSubject() == null) {
                return Optional.empty();
            }
            Set<String> roles = new HashSet<>(Optional.ofNullable(claims.getStringListClaim("roles")).orElse(List.of()));
            Long staff = claims.getLongClaim("staff");
            return Optional.of(new Verified(new LoggedIn(claims.getSubject(), staff, Set.copyOf(roles)),
                    claims.getExpirationTime().toInstant()));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A verified token: who, and until when. */
    public record Verified(LoggedIn who, Instant expiresAt) {
    }
}
