package com.plumbline.intake.ingress;

import java.io.IOException;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Google Cloud Pub/Sub push: verifies the push's OIDC token (RS256, signed by a key from the
 * configured JWKS URL, for our audience, from the configured service account) and unwraps the
 * envelope, whose base64 {@code message.data} is a Google Voice relay event.
 */
@Component("pubSubPushWebhook")
public class PubSubPushWebhook {

    private static final Logger LOG = LoggerFactory.getLogger(PubSubPushWebhook.class);
    private static final Set<String> GOOGLE_ISSUERS = Set.of("https://accounts.google.com", "accounts.google.com");

    private final DefaultJWTProcessor<SecurityContext> tokenProcessor;
    private final ObjectMapper mapper;
    private final RelayEvents relayEvents;

    public PubSubPushWebhook(IngressProperties properties, ObjectMapper mapper, RelayEvents relayEvents)
            throws MalformedURLException {
        IngressProperties.Push push = properties.pubsub().push();
        this.mapper = mapper;
        this.relayEvents = relayEvents;
        if (push.serviceAccount() == null || push.serviceAccount().isBlank()) {
            LOG.warn("PUBSUB_PUSH_SERVICE_ACCOUNT is not set: every Pub/Sub push will be refused");
            this.tokenProcessor = null;
            return;
        }
        // Nimbus waits 500 ms for the keys by default: a slow answer from Google (or a busy host)
        // would turn a valid push into a 503 and a redelivery; the keys are cached once fetched
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(push.jwksUrl().toURL(),
                new DefaultResourceRetriever(5000, 5000, JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT)).build();
        this.tokenProcessor = new DefaultJWTProcessor<>();
        tokenProcessor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        tokenProcessor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                push.audience(),
                new JWTClaimsSet.Builder()
                        .claim("email", push.serviceAccount())
                        .claim("email_verified", true)
                        .build(),
                Set.of("iss", "exp", "iat")));
    }

    /** Before the body is read: JSON, and a push token Google signed for us. */
    public void checkHeaders(@Header(Exchange.CONTENT_TYPE) Object contentType,
                             @Header("Authorization") Object authorizationHeader) {
        ContentTypes.require(RequestHeaders.single(contentType, "Content-Type"), ContentTypes.JSON);
        String authorization = RequestHeaders.single(authorizationHeader, "Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw WebhookRejectedException.unauthorized("Missing Bearer token");
        }
        if (tokenProcessor == null) {
            throw WebhookRejectedException.unauthorized("Pub/Sub push is not configured");
        }
        JWTClaimsSet claims;
        try {
            claims = tokenProcessor.process(authorization.substring(7).trim(), null);
        } catch (ParseException | BadJOSEException | RuntimeException e) {
            // Nimbus's reason quotes the token (its typ, claims): not for our logs or the caller;
            // a header of JSON null even escapes it as a NullPointerException
            LOG.debug("Push token refused: {}", e.getClass().getSimpleName());
            throw WebhookRejectedException.unauthorized("Invalid push token");
        } catch (JOSEException e) {
            // the keys could not be fetched: not the caller's fault, let Pub/Sub retry
            throw new IllegalStateException("Cannot verify push token now", e);
        }
        if (!GOOGLE_ISSUERS.contains(claims.getIssuer())) {
            throw WebhookRejectedException.unauthorized("Token not issued by Google");
        }
    }

    /** Nothing to check over the body: Google signs the token (checkHeaders), not the body. */
    public void verify() {
    }

    /** The parts of a push envelope we use; a body that is not an envelope is a 400. */
    public record PushEnvelope(String messageId, String data, String raw) {
    }

    public PushEnvelope unwrap(@Body String body) {
        JsonNode envelope;
        try {
            envelope = mapper.readTree(body);
        } catch (IOException e) {
            throw WebhookRejectedException.badRequest("Body is not valid JSON");
        }
        JsonNode message = envelope == null ? null : envelope.get("message");
        if (message == null || !message.isObject()) {
            throw WebhookRejectedException.badRequest("Not a Pub/Sub push envelope: 'message' missing");
        }
        JsonNode id = message.hasNonNull("messageId") ? message.get("messageId") : message.get("message_id");
        if (id == null || !id.isValueNode() || id.asText().isBlank()) {
            throw WebhookRejectedException.badRequest("Not a Pub/Sub push envelope: 'message.messageId' missing");
        }
        JsonNode data = message.path("data");
        if (!data.isMissingNode() && !data.isTextual()) {
            throw WebhookRejectedException.badRequest("Not a Pub/Sub push envelope: 'message.data' is not a string");
        }
        return new PushEnvelope(IngressLimits.checkId(id.asText(), "message.messageId"), data.asText(""), body);
    }

    /** The relay events of a push: the envelope, then the events in its {@code message.data}. */
    public List<InboundMessage> events(@Body String body) {
        return eventsOf(unwrap(body));
    }

    /**
     * The relay events in {@code message.data}. Data that is not a relay event is a poison
     * message: the route stores it as REJECTED and acknowledges it.
     */
    private List<InboundMessage> eventsOf(PushEnvelope envelope) {
        String data;
        try {
            data = new String(Base64.getDecoder().decode(envelope.data()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException(Provider.PUBSUB, envelope.messageId(), "message.data is not base64", envelope.raw());
        }
        return relayEvents.fromPubSub(data, envelope.messageId(), envelope.raw());
    }
}
