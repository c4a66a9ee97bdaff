package com.plumbline.intake;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
// camel-jpa's idempotent repository keeps its rows in the MessageProcessed entity
@EntityScan(basePackages = {"com.plumbline.intake", "org.apache.camel.processor.idempotent.jpa"})
public class PlumblineIntakeApplication {

    public static void main(String[] args) {
        SpringApplication.run(PlumblineIntakeApplication.class, args);
    }
}
