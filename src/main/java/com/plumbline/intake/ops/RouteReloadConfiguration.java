package com.plumbline.intake.ops;

import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * {@code intake.routes.reload=true}: edits of {@code intake.routes.dir} are applied while the
 * service runs, through {@link SafeRouteReloadStrategy} rather than Camel's plain reloader
 * (which is why {@code camel.main.routes-reload-enabled} stays false).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "intake.routes.reload", havingValue = "true")
public class RouteReloadConfiguration {

    @Bean
    CamelContextConfiguration safeRouteReload(@Value("${intake.routes.dir}") String routesDir, RouteReloadStatus status) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                // the live registry knows every bean, including those of Spring Boot's auto-configuration;
                // getUserClass: the class behind a CGLIB proxy, for the problem's wording
                RouteValidator validator = new RouteValidator(
                        name -> Optional.ofNullable(camel.getRegistry().lookupByName(name)).map(ClassUtils::getUserClass));
                try {
                    camel.addService(new SafeRouteReloadStrategy(routesDir, validator, status));
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot watch " + routesDir + " for route edits", e);
                }
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
                // nothing: the strategy starts with the context
            }
        };
    }
}
