package com.plumbline.intake.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Logins and tokens ({@code intake.security.*}). Secrets come from environment variables only:
 * {@code JWT_SECRET}, {@code INTAKE_ADMIN_PASSWORD}, {@code PROMETHEUS_SCRAPE_TOKEN}.
 *
 * @param jwtSecret               HS256 key of the access tokens, at least 32 bytes; empty outside
 *                                {@code prod}: a random key per start (tokens end with the process)
 * @param issuer                  {@code iss} and {@code aud} of the access tokens
 * @param accessTokenTtl          lifetime of an access token
 * @param refreshTokenTtl         lifetime of a refresh token
 * @param bootstrapAdminUser      user name of the first-run admin account
 * @param bootstrapAdminPassword  its password; empty: no account is created (no default password)
 * @param maxFailedLogins         failed logins in a row before the account is locked
 * @param lockout                 how long a locked account stays locked
 * @param prometheusToken         bearer token of the Prometheus scrape; empty: scraping needs an ADMIN login
 */
@ConfigurationProperties("intake.security")
public record SecurityProperties(
        @DefaultValue("") String jwtSecret,
        @DefaultValue("plumbline-intake") String issuer,
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("12h") Duration refreshTokenTtl,
        @DefaultValue("admin") String bootstrapAdminUser,
        @DefaultValue("") String bootstrapAdminPassword,
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration lockout,
        @DefaultValue("") String prometheusToken) {
}
