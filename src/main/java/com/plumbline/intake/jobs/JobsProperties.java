package com.plumbline.intake.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param aiDraftUrl  an OpenAI-compatible chat completions URL; empty: no AI_DRAFT jobs
 * @param aiDraftKey  its API key (AI_RESPONSE_KEY)
 * @param aiDraftModel the model name sent to it
 * @param doneRetention how long DONE jobs are kept before the cleanup route purges them
 */
@ConfigurationProperties("intake.jobs")
public record JobsProperties(
        String aiDraftUrl,
        String aiDraftKey,
        @DefaultValue("gpt-4o-mini") String aiDraftModel,
        @DefaultValue("7d") Duration doneRetention) {

    public boolean aiDraftEnabled() {
        return aiDraftUrl != null && !aiDraftUrl.isBlank();
    }
}
