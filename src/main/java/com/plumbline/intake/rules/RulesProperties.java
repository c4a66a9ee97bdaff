package com.plumbline.intake.rules;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param file           config/rules.yaml, relative to the working directory unless absolute
 * @param reloadInterval how often the file's modification time is checked; 0 disables reloading
 */
@ConfigurationProperties("intake.rules")
public record RulesProperties(
        @DefaultValue("config/rules.yaml") Path file,
        @DefaultValue("5s") Duration reloadInterval) {
}
