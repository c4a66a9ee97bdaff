package com.plumbline.intake.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * First run: creates the admin account from {@code INTAKE_ADMIN_USER} / {@code INTAKE_ADMIN_PASSWORD}
 * when there is no admin yet. There is no default password: without the variable nobody can log in
 * until one is set.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private final Logins logins;
    private final SecurityProperties properties;

    AdminBootstrap(Logins logins, SecurityProperties properties) {
        this.logins = logins;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.bootstrapAdminPassword().isBlank()) {
            return;
        }
        if (logins.bootstrapAdmin(properties.bootstrapAdminUser(), properties.bootstrapAdminPassword())) {
            LOG.info("Created the admin account '{}' from INTAKE_ADMIN_PASSWORD", properties.bootstrapAdminUser());
        }
    }
}
