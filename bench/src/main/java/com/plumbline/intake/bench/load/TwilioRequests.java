package com.plumbline.intake.bench.load;

import java.lang.reflect.Method;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.twilio.security.RequestValidator;

/**
 * Unique Twilio SMS webhooks, signed as Twilio signs them (the SDK's own signature code). The same
 * series and index always give the same request, so both sides of a comparison get identical ones.
 */
final class TwilioRequests {

    /** Ordinary customer texts (HIGH, MEDIUM, LOW): the backlog and the drain carry no emergency. */
    static final List<String> ORDINARY = List.of(
            "No water at all since this morning",
            "Water heater stopped working, no hot water",
            "Bathtub drains really slowly, water sits for an hour",
            "Kitchen sink drain is clogged again",
            "Toilet keeps running all night",
            "Small leak under the bathroom sink, dripping into the cabinet",
            "Can I schedule a maintenance inspection next month?",
            "Looking for a quote to replace the kitchen faucet",
            "Do you do annual water heater flushes?");

    static final String PATH = "/api/webhooks/twilio/sms";
    static final String ACCOUNT_SID = "AC00000000000000000000000000000001";
    static final String BUSINESS_NUMBER = "+15125550100";

    record Signed(String form, String signature) {
    }

    private final String token;
    private final String signedUrl;
    private final Method signer;

    TwilioRequests(String token, String publicBaseUrl) {
        this.token = token;
        this.signedUrl = publicBaseUrl + PATH;
        try {
            signer = RequestValidator.class.getDeclaredMethod("getValidationSignature", String.class, Map.class);
            signer.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Twilio SDK changed its RequestValidator", e);
        }
    }

    /** Ordinary message number i of a series (series: a short tag unique per run and round). */
    Signed ordinary(String series, int i) {
        // 97 customers per series (staff numbers +1512555018x are avoided: they would be staff replies)
        return sign(params(series + "-" + i, "+1512555" + (2000 + i % 97), ORDINARY.get(i % ORDINARY.size())));
    }

    /** An emergency from its own customer; the marker starts the body, so the alerts can be told apart. */
    Signed emergency(String marker, int i) {
        return sign(params(marker, "+1737555" + (3000 + i),
                marker + ": burst pipe in the basement, water everywhere, please come now!"));
    }

    private static Map<String, String> params(String id, String from, String body) {
        String sid = "SM" + id;
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ToCountry", "US");
        params.put("SmsMessageSid", sid);
        params.put("NumMedia", "0");
        params.put("SmsSid", sid);
        params.put("SmsStatus", "received");
        params.put("Body", body);
        params.put("FromCountry", "US");
        params.put("To", BUSINESS_NUMBER);
        params.put("NumSegments", "1");
        params.put("MessageSid", sid);
        params.put("AccountSid", ACCOUNT_SID);
        params.put("From", from);
        params.put("ApiVersion", "2010-04-01");
        return params;
    }

    private Signed sign(Map<String, String> params) {
        try {
            String signature = (String) signer.invoke(new RequestValidator(token), signedUrl, params);
            String form = params.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return new Signed(form, signature);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
