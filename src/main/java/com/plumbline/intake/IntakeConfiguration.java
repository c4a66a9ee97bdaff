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
import org.apache.camel.spring.spi.SpringTransactionPolicy;
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

    /**
     * {@code transacted} in the routes: one transaction, joined by every bean called in it. Named as
     * Camel looks it up, since with a second policy (below) it no longer picks the only one.
     */
    @Bean("PROPAGATION_REQUIRED")
    SpringTransactionPolicy requiredTransaction(PlatformTransactionManager transactionManager) {
        SpringTransactionPolicy policy = new SpringTransactionPolicy(transactionManager);
        policy.setPropagationBehaviorName("PROPAGATION_REQUIRED");
        return policy;
    }

    /**
     * {@code transacted: {ref: jobSavepoint}}: a savepoint in the caller's transaction (create-jobs
     * runs a job there); a failing job rolls back to it, and the caller's work stays.
     */
    @Bean("jobSavepoint")
    SpringTransactionPolicy jobSavepoint(PlatformTransactionManager transactionManager) {
        SpringTransactionPolicy policy = new SpringTransactionPolicy(transactionManager);
        policy.setPropagationBehaviorName("PROPAGATION_NESTED");
        return policy;
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
