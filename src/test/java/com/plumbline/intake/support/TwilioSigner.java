package com.plumbline.intake.support;

import java.lang.reflect.Method;
import java.util.Map;

import com.twilio.security.RequestValidator;

/**
 * Signs a webhook the way Twilio does, with the Twilio SDK's own signature code (not ours), so a
 * test proves that our verification agrees with Twilio's.
 */
public final class TwilioSigner {

    private TwilioSigner() {
    }

    public static String sign(String authToken, String url, Map<String, String> params) {
        try {
            Method signature = RequestValidator.class.getDeclaredMethod("getValidationSignature", String.class, Map.class);
            signature.setAccessible(true);
            return (String) signature.invoke(new RequestValidator(authToken), url, params);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Twilio SDK changed its RequestValidator", e);
        }
    }
}
