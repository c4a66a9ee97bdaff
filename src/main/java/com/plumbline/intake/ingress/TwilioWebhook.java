package com.plumbline.intake.ingress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.twilio.security.RequestValidator;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Twilio's SMS and voice webhooks: verifies {@code X-Twilio-Signature} with Twilio's own
 * {@link RequestValidator} against the public URL, and turns the form parameters into an
 * {@link InboundMessage}.
 */
@Component("twilioWebhook")
public class TwilioWebhook {

    static final String SIGNATURE_HEADER = "X-Twilio-Signature";
    private static final Logger LOG = LoggerFactory.getLogger(TwilioWebhook.class);

    private final String publicBaseUrl;
    private final RequestValidator validator;

    public TwilioWebhook(IngressProperties properties) {
        this.publicBaseUrl = stripTrailingSlash(properties.publicBaseUrl());
        String authToken = properties.twilio() == null ? null : properties.twilio().authToken();
        if (authToken == null || authToken.isBlank()) {
            LOG.warn("TWILIO_AUTH_TOKEN is not set: every Twilio webhook will be refused");
            this.validator = null;
        } else {
            this.validator = new RequestValidator(authToken);
        }
    }

    /** Before the body is read: a form, and a signature to check it against. */
    public void checkHeaders(@Header(Exchange.CONTENT_TYPE) Object contentType,
                             @Header(SIGNATURE_HEADER) Object signature) {
        ContentTypes.require(RequestHeaders.single(contentType, "Content-Type"), ContentTypes.FORM);
        String given = RequestHeaders.single(signature, SIGNATURE_HEADER);
        if (given == null || given.isBlank()) {
            throw WebhookRejectedException.forbidden("Missing " + SIGNATURE_HEADER);
        }
    }

    /** The signature over the public URL and the form parameters (Twilio's {@link RequestValidator}). */
    public void verify(@Body String body,
                       @Header(SIGNATURE_HEADER) Object signature,
                       @Header(Exchange.HTTP_URI) String path,
                       @Header(Exchange.HTTP_QUERY) String query) {
        Map<String, String> params = FormBody.parse(body);
        String url = publicBaseUrl + path + (query == null || query.isEmpty() ? "" : "?" + query);
        if (validator == null || !validator.validate(url, params, RequestHeaders.single(signature, SIGNATURE_HEADER))) {
            throw WebhookRejectedException.forbidden("Invalid " + SIGNATURE_HEADER);
        }
    }

    /**
     * Any Twilio callback on one URL: a message (it has a {@code MessageSid}) or a call status,
     * recording or transcription callback (a {@code CallSid} and no message id).
     */
    public InboundMessage message(@Body String body) {
        Map<String, String> params = FormBody.parse(body);
        if (first(params, "MessageSid", "SmsSid") != null) {
            return sms(params, body);
        }
        if (first(params, "CallSid") != null) {
            return voice(params, body);
        }
        throw WebhookRejectedException.badRequest("Neither a message (MessageSid) nor a call (CallSid)");
    }

    /** An incoming SMS or MMS. */
    public InboundMessage sms(@Body String body) {
        return sms(FormBody.parse(body), body);
    }

    private InboundMessage sms(Map<String, String> params, String body) {
        String sid = first(params, "MessageSid", "SmsSid");
        require(sid, "MessageSid");
        require(params.get("From"), "From");
        return IngressLimits.check(new InboundMessage(Provider.TWILIO, sid, Channel.SMS, params.get("From"),
                params.get("To"), params.get("Body"), mediaUrls(params), Instant.now(), body));
    }

    /**
     * A call status, recording or transcription callback. One call sends several, so each gets
     * its own id (the transcription's, the recording's, or the call's with its status) for
     * deduplication; all carry the call's id, so processing keeps one message per call.
     */
    public InboundMessage voice(@Body String body) {
        return voice(FormBody.parse(body), body);
    }

    private InboundMessage voice(Map<String, String> params, String body) {
        String callSid = params.get("CallSid");
        require(callSid, "CallSid");
        require(params.get("From"), "From");
        String transcription = params.get("TranscriptionText");
        String recordingUrl = params.get("RecordingUrl");
        boolean voicemail = transcription != null || recordingUrl != null;
        String id = first(params, "TranscriptionSid", "RecordingSid");
        if (id == null) {
            id = callSid + ":" + params.getOrDefault("CallStatus", "unknown");
        }
        IngressLimits.checkId(callSid, "CallSid");
        return IngressLimits.check(new InboundMessage(Provider.TWILIO, id, voicemail ? Channel.VOICEMAIL : Channel.VOICE,
                params.get("From"), params.get("To"), transcription,
                recordingUrl == null ? List.of() : List.of(recordingUrl), Instant.now(), body,
                callSid, params.get("CallStatus"), seconds(first(params, "CallDuration", "RecordingDuration"))));
    }

    private static Integer seconds(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<String> mediaUrls(Map<String, String> params) {
        List<String> urls = new ArrayList<>();
        for (int i = 0; params.containsKey("MediaUrl" + i); i++) {
            urls.add(params.get("MediaUrl" + i));
        }
        return urls;
    }

    private static String first(Map<String, String> params, String... names) {
        for (String name : names) {
            String value = params.get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw WebhookRejectedException.badRequest("Missing parameter " + name);
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
