package com.plumbline.intake.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Abuse limits ({@code intake.limits.*}).
 *
 * @param maxBody                   largest request body on /api/** (413 above, before it is read)
 * @param webhookRequestsPerMinute  per client IP on /api/webhooks/** (429 above)
 * @param loginRequestsPerMinute    per client IP on /api/auth/** (429 above)
 * @param trustedProxies            IPs whose {@code X-Forwarded-For} is believed; from anyone else it is ignored
 */
@ConfigurationProperties("intake.limits")
public record LimitsProperties(
        @DefaultValue("256KB") DataSize maxBody,
        @DefaultValue("600") int webhookRequestsPerMinute,
        @DefaultValue("20") int loginRequestsPerMinute,
        @DefaultValue({}) List<String> trustedProxies) {
}
