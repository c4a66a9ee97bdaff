package com.plumbline.intake.storage;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Setting an Artemis broker URL ({@code SPRING_ARTEMIS_BROKER_URL}) is enough to use that broker:
 * Spring Boot would otherwise keep starting the embedded one, because its server is on the
 * classpath. An explicit {@code spring.artemis.mode} still wins.
 */
public class ExternalBrokerSwitch implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String brokerUrl = environment.getProperty("spring.artemis.broker-url");
        if (brokerUrl != null && !brokerUrl.isBlank() && !environment.containsProperty("spring.artemis.mode")) {
            // the embedded server starts whenever it is enabled, whatever the mode: switch both
            environment.getPropertySources().addLast(new MapPropertySource("intakeExternalBroker",
                    Map.of("spring.artemis.mode", "native", "spring.artemis.embedded.enabled", "false")));
        }
    }
}
