package com.plumbline.intake.support;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * WireMock standing in for Twilio's REST API: accepts (201 + sid) or refuses (Twilio's error JSON)
 * {@code POST /2010-04-01/Accounts/{sid}/Messages.json}, and shows what was sent. Give the
 * camel-twilio component {@link #restClient} (a {@code TwilioRestClient} bean is autowired).
 */
public final class TwilioStandIn implements AutoCloseable {

    public static final String ACCOUNT_SID = "AC00000000000000000000000000000001";
    public static final String FROM_NUMBER = "+15125550100";
    private static final String MESSAGES = "/2010-04-01/Accounts/[^/]+/Messages\\.json";

    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private final AtomicInteger sids = new AtomicInteger();

    public TwilioStandIn() {
        server.start();
        acceptMessages();
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** A Twilio client whose every request goes to this stand-in instead of https://api.twilio.com. */
    public TwilioRestClient restClient(String accountSid, String authToken) {
        return new TwilioRestClient.Builder(accountSid, authToken).accountSid(accountSid)
                .httpClient(new RedirectingClient(baseUrl())).build();
    }

    /** Every message is accepted: 201 with a new SM... sid. */
    public void acceptMessages() {
        server.resetAll();
        server.stubFor(post(urlPathMatching(MESSAGES)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withTransformers("response-template")
                .withBody("{\"sid\":\"SM{{randomValue length=32 type='HEXADECIMAL'}}\",\"status\":\"queued\"}")));
    }

    /** Messages to this number are refused as Twilio refuses an invalid number: 400, code 21211. */
    public void rejectMessagesTo(String number) {
        server.stubFor(post(urlPathMatching(MESSAGES)).withRequestBody(containing("To=" + encode(number)))
                .atPriority(1)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"code": 21211, "message": "The 'To' number %s is not a valid phone number.",
                                 "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}"""
                                .formatted(number))));
    }

    /**
     * The next {@code times} message requests are answered with Twilio's "Too Many Requests"
     * (429, code 20429); the ones after are accepted as usual. The Twilio SDK's HTTP client itself
     * sends a request once more after a 429, so the service sees a 429 only when two come in a row.
     */
    public void throttleNextMessages(int times) {
        for (int i = 0; i < times; i++) {
            server.stubFor(post(urlPathMatching(MESSAGES)).atPriority(1)
                    .inScenario("throttled").whenScenarioStateIs(i == 0 ? Scenario.STARTED : "throttled " + i)
                    .willSetStateTo("throttled " + (i + 1))
                    .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                            .withBody("""
                                    {"code": 20429, "message": "Too Many Requests", "more_info":
                                     "https://www.twilio.com/docs/errors/20429", "status": 429}""")));
        }
    }

    /** The form parameters (To, From, Body...) of every message request received, oldest first. */
    public List<Map<String, String>> messages() {
        return server.findAll(postRequestedFor(urlPathMatching(MESSAGES))).stream()
                .map(TwilioStandIn::form).toList();
    }

    public List<Map<String, String>> messagesTo(String number) {
        return messages().stream().filter(m -> number.equals(m.get("To"))).toList();
    }

    public void clear() {
        server.resetRequests();
    }

    @Override
    public void close() {
        server.stop();
    }

    private static Map<String, String> form(LoggedRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return params;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Sends each request to the stand-in: same method, path, parameters, headers and credentials. */
    private static final class RedirectingClient extends NetworkHttpClient {

        private final String baseUrl;

        RedirectingClient(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        @Override
        public Response makeRequest(Request request) {
            String url = request.getUrl().replaceFirst("^https://[^/]+", baseUrl);
            Request copy = new Request(request.getMethod(), url);
            request.getQueryParams().forEach((k, values) -> values.forEach(v -> copy.addQueryParam(k, v)));
            request.getPostParams().forEach((k, values) -> values.forEach(v -> copy.addPostParam(k, v)));
            request.getHeaderParams().forEach((k, values) -> values.forEach(v -> copy.addHeaderParam(k, v)));
            if (request.getAuthStrategy() != null) {
                copy.setAuth(request.getAuthStrategy());
            } else if (request.getUsername() != null) {
                copy.setAuth(request.getUsername(), request.getPassword());
            }
            if (request.getContentType() != null) {
                copy.setContentType(request.getContentType());
            }
            if (request.getBody() != null) {
                copy.setBody(request.getBody());
            }
            return super.makeRequest(copy);
        }
    }
}
