package com.plumbline.intake;

import java.time.Clock;

import jakarta.persistence.EntityManagerFactory;
import org.apache.camel.component.jpa.DefaultTransactionStrategy;
import org.apache.camel.component.jpa.JpaComponent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
public class IntakeConfiguration {

    /** Every rule that depends on time reads this clock, so tests can move it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
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
