package com.plumbline.intake.ingress;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the webhook endpoints need to authenticate their callers. The secrets come from
 * environment variables (see application.yaml); an empty secret means every request is refused.
 *
 * @param publicBaseUrl the URL the providers call us on (behind a proxy it differs from ours)
 */
@ConfigurationProperties("intake")
public record IngressProperties(
        String publicBaseUrl,
        Twilio twilio,
        GoogleVoice googleVoice,
        PubSub pubsub) {

    public record Twilio(String authToken) {
    }

    /**
     * The Google Voice relay signs {@code timestamp + "." + body} with HMAC-SHA256.
     *
     * @param maxBatch the most events one delivery may carry (413 above, before anything is stored)
     */
    public record GoogleVoice(String secret, @DefaultValue("5m") Duration tolerance,
                              @DefaultValue("100") int maxBatch) {
        static final int DEFAULT_MAX_BATCH = 100;
    }

    public record PubSub(Push push) {
    }

    /** Pub/Sub push carries a Google-signed OIDC token for this audience and service account. */
    public record Push(String audience, String serviceAccount, URI jwksUrl) {
    }
}
