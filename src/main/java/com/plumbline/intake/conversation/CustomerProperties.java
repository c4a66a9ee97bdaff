package com.plumbline.intake.conversation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param conversationWindow how long a conversation stays open after its last message, so replies thread into it
 * @param repeatWindow       messages from one customer within this window count as "repeated", which raises urgency
 */
@ConfigurationProperties("intake.customers")
public record CustomerProperties(
        @DefaultValue("24h") Duration conversationWindow,
        @DefaultValue("10m") Duration repeatWindow) {
}
