package com.plumbline.intake;

import java.time.Clock;

import com.plumbline.intake.ingress.ProcessedMessageIds;
import jakarta.persistence.EntityManagerFactory;
import org.apache.camel.component.jpa.DefaultTransactionStrategy;
import org.apache.camel.component.jpa.JpaComponent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
public class IntakeConfiguration {

    /** Every rule that depends on time reads this clock, so tests can move it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The idempotent repository of the intake route, in PostgreSQL: shared by every instance and
     * kept across restarts. Plain JDBC on the route's transaction (Spring's JPA transaction manager
     * exposes its connection), so the key commits or rolls back with the webhook_event row.
     */
    @Bean
    ProcessedMessageIds processedMessageIds(JdbcTemplate jdbc) {
        return new ProcessedMessageIds(jdbc, "intake");
    }

    /** camel-jpa endpoints use the application's entities, PostgreSQL and Spring transactions. */
    @Bean("jpa")
    JpaComponent jpaComponent(EntityManagerFactory entityManagerFactory, PlatformTransactionManager transactionManager) {
        JpaComponent jpa = new JpaComponent();
        jpa.setEntityManagerFactory(entityManagerFactory);
        jpa.setTransactionStrategy(springTransactions(entityManagerFactory, transactionManager));
        return jpa;
    }

    private static DefaultTransactionStrategy springTransactions(EntityManagerFactory entityManagerFactory,
                                                                 PlatformTransactionManager transactionManager) {
        DefaultTransactionStrategy strategy = new DefaultTransactionStrategy(null, entityManagerFactory);
        strategy.setTransactionManager(transactionManager);
        return strategy;
    }
}
