package com.plumbline.intake.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The prod profile refuses missing or placeholder secrets and the test endpoint. */
class StartupSecretsTest {

    @Test
    void prodWithEverySecretStarts() {
        new StartupSecrets(complete().withProperty("spring.profiles.active", "prod"));
    }

    @Test
    void prodRefusesAMissingSecretNamingTheVariableNotTheValue() {
        MockEnvironment env = complete();
        env.setActiveProfiles("prod");
        env.setProperty("intake.security.jwt-secret", "");
        env.setProperty("intake.twilio.auth-token", "changeme");

        assertThatThrownBy(() -> new StartupSecrets(env)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("JWT_SECRET is not set").hasMessageContaining("TWILIO_AUTH_TOKEN is a placeholder")
                .hasMessageNotContaining("changeme");
    }

    @Test
    void prodRefusesTheTestEndpointAndShortSecrets() {
        MockEnvironment env = complete();
        env.setActiveProfiles("prod");
        env.setProperty("intake.test-endpoint.enabled", "true");
        env.setProperty("intake.google-voice.secret", "short");

        assertThatThrownBy(() -> new StartupSecrets(env))
                .hasMessageContaining("test endpoint").hasMessageContaining("GOOGLE_WEBHOOK_SECRET is shorter");
    }

    @Test
    void outsideProdProblemsOnlyWarn() {
        MockEnvironment env = new MockEnvironment();
        new StartupSecrets(env);
        assertThat(StartupSecrets.problems(env)).contains("JWT_SECRET is not set", "PROMETHEUS_SCRAPE_TOKEN is not set");
    }

    private static MockEnvironment complete() {
        return new MockEnvironment()
                .withProperty("intake.security.jwt-secret", "a-jwt-secret-of-at-least-32-bytes-123456")
                .withProperty("intake.twilio.auth-token", "0123456789abcdef0123456789abcdef")
                .withProperty("intake.google-voice.secret", "relay-secret-0123456789")
                .withProperty("intake.security.prometheus-token", "scrape-token-0123456789");
    }
}
