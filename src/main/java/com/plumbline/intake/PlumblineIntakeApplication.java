package com.plumbline.intake;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PlumblineIntakeApplication {

    public static void main(String[] args) {
        SpringApplication.run(PlumblineIntakeApplication.class, args);
    }
}
