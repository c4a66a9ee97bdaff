package com.plumbline.intake.outbound;

/**
 * A provider refused or failed a call, classified once ({@link ProviderErrors}): {@code permanent}
 * when trying again cannot help. The message names the provider, status and code, with phone
 * numbers masked; the provider's own exception is not kept, so no log shows its full text.
 */
public class ProviderFailure extends RuntimeException {

    private final String provider;
    private final Integer status;
    private final boolean permanent;

    public ProviderFailure(String provider, Integer status, boolean permanent, String message) {
        super(message, null, false, false);
        this.provider = provider;
        this.status = status;
        this.permanent = permanent;
    }

    public String getProvider() {
        return provider;
    }

    /** The provider's HTTP status, or null when none came back (connection refused, timeout, SMTP). */
    public Integer getStatus() {
        return status;
    }

    public boolean isPermanent() {
        return permanent;
    }

    public boolean isRetryable() {
        return !permanent;
    }
}
