package com.plumbline.intake.ops;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operations settings ({@code intake.ops.*}).
 *
 * @param queues            JMS queues whose depth is published as {@link BusinessMetrics#QUEUE_DEPTH}
 * @param queueDepthMaxAge  how long a counted depth is reused, so frequent scrapes do not browse the broker each time
 * @param queueDepthLimit   browsing stops at this many messages: a deeper queue reads as this number
 * @param stallMaxAge       a queue whose oldest message waited longer than this is stalled
 * @param stallNoProgress   a queue whose consumer route completed nothing for this long while messages waited is stalled
 */
@ConfigurationProperties("intake.ops")
public record OpsProperties(
        @DefaultValue({"intake.inbound", "intake.inbound.dead", "intake.jobs", "intake.dlq", "notify.email", "notify.sms", "notify.dead"}) List<String> queues,
        @DefaultValue("5s") Duration queueDepthMaxAge,
        @DefaultValue("10000") int queueDepthLimit,
        @DefaultValue("10m") Duration stallMaxAge,
        @DefaultValue("2m") Duration stallNoProgress) {
}
