package com.plumbline.intake.dashboard;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The development login is a seam for the security login: never on in production. */
class DashboardDevLoginTest {

    @Test
    void theProdProfileRefusesToStartWithTheDevelopmentLogin() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        assertThatThrownBy(() -> new DevLogin(true, prod, null, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("prod profile refuses");
    }

    @Test
    void offItAcceptsNoToken() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        DevLogin login = new DevLogin(false, prod, null, Clock.systemUTC());
        assertThat(login.identify("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.x")).isEmpty();
        assertThat(login.identify(null)).isEmpty();
    }
}
