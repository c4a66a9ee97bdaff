package com.plumbline.intake.ingress;

/**
 * An authenticated delivery whose content we can never process. It is stored as REJECTED and
 * acknowledged, so the provider does not redeliver it forever.
 */
public class PoisonMessageException extends RuntimeException {

    private final Provider provider;
    private final String providerMessageId;
    private final String rawPayload;

    public PoisonMessageException(Provider provider, String providerMessageId, String reason, String rawPayload) {
        super(reason);
        this.provider = provider;
        this.providerMessageId = providerMessageId;
        this.rawPayload = rawPayload;
    }

    public Provider getProvider() {
        return provider;
    }

    public String getProviderMessageId() {
        return providerMessageId;
    }

    public String getRawPayload() {
        return rawPayload;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
