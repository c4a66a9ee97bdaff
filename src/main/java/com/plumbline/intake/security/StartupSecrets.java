package com.plumbline.intake.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Start-up check of the secrets. In the {@code prod} profile the service refuses to start when a
 * required secret is missing, too short or a known placeholder, or when the unsigned test
 * endpoint is on; elsewhere each problem is a WARN. Messages name the variable, never its value.
 */
@Component
public class StartupSecrets {

    private static final Logger LOG = LoggerFactory.getLogger(StartupSecrets.class);

    /** Property → the environment variable people set. */
    private static final Map<String, String> REQUIRED = new LinkedHashMap<>();

    static {
        REQUIRED.put("intake.security.jwt-secret", "JWT_SECRET");
        REQUIRED.put("intake.twilio.auth-token", "TWILIO_AUTH_TOKEN");
        REQUIRED.put("intake.google-voice.secret", "GOOGLE_WEBHOOK_SECRET");
        REQUIRED.put("intake.security.prometheus-token", "PROMETHEUS_SCRAPE_TOKEN");
    }

    private static final Set<String> PLACEHOLDERS = Set.of("changeme", "change-me", "change_me", "secret",
            "password", "unconfigured", "unset", "todo", "xxx", "example", "admin", "test", "default", "null");

    public StartupSecrets(Environment environment) {
        List<String> problems = problems(environment);
        if (problems.isEmpty()) {
            return;
        }
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("Refusing to start in the prod profile: " + String.join("; ", problems));
        }
        problems.forEach(problem -> LOG.warn("Not fit for production: {}", problem));
    }

    /** What is wrong, one line each, naming variables only. */
    static List<String> problems(Environment environment) {
        List<String> problems = new ArrayList<>();
        REQUIRED.forEach((property, variable) -> {
            String value = environment.getProperty(property, "").trim();
            if (value.isEmpty()) {
                problems.add(variable + " is not set");
            } else if (PLACEHOLDERS.contains(value.toLowerCase(Locale.ROOT).replaceAll("[<>{}$ ]", ""))) {
                problems.add(variable + " is a placeholder");
            } else if (value.getBytes(StandardCharsets.UTF_8).length < 16) {
                problems.add(variable + " is shorter than 16 bytes");
            }
        });
        String admin = environment.getProperty("intake.security.bootstrap-admin-password", "");
        if (!admin.isEmpty() && PLACEHOLDERS.contains(admin.toLowerCase(Locale.ROOT))) {
            problems.add("INTAKE_ADMIN_PASSWORD is a placeholder");
        }
        if (environment.getProperty("intake.test-endpoint.enabled", Boolean.class, false)) {
            problems.add("the unsigned test endpoint (intake.test-endpoint.enabled) is on");
        }
        return problems;
    }
}
