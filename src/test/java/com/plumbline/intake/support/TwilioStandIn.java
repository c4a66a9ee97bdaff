package com.plumbline.intake.support;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.plumbline.intake.notify.TwilioApiConfiguration;
import com.twilio.http.TwilioRestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * WireMock standing in for Twilio's REST API: accepts (201 + sid) or refuses (Twilio's error JSON)
 * {@code POST /2010-04-01/Accounts/{sid}/Messages.json}, and shows what was sent. As Twilio, it
 * keeps each message it accepted (sid, To, From, Body, creation time) and lists them on
 * {@code GET .../Messages.json?To=&From=} (newest first), so a sender can look for a message it
 * may have sent before a crash. Give the camel-twilio component {@link #restClient} (a
 * {@code TwilioRestClient} bean is autowired), or the packaged service {@code TWILIO_API_URL}.
 */
public final class TwilioStandIn implements AutoCloseable {

    public static final String ACCOUNT_SID = "AC00000000000000000000000000000001";
    public static final String FROM_NUMBER = "+15125550100";
    private static final String MESSAGES = "/2010-04-01/Accounts/[^/]+/Messages\\.json";
    private static final UUID ACCEPT = UUID.fromString("5d1b0a52-6f0e-4c55-9d4e-4a2f3c7a0001");
    private static final String TOOK_BUT_FAILED = "took-but-failed";
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.RFC_1123_DATE_TIME;

    /** What Twilio accepted: it would deliver these, whether or not the sender saw the answer. */
    public record Accepted(String sid, String to, String from, String body, Instant at) {
    }

    // sids unique across stand-ins too: tests sharing one database store them under a unique key
    private final long instance = new java.security.SecureRandom().nextLong() >>> 1;
    private final AtomicInteger sids = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    private final WireMockServer server = new WireMockServer(options().dynamicPort()
            .extensions(new Accept(), new ListMessages()));

    public TwilioStandIn() {
        server.start();
        acceptMessages();
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** A Twilio client whose every request goes to this stand-in instead of https://api.twilio.com. */
    public TwilioRestClient restClient(String accountSid, String authToken) {
        return TwilioApiConfiguration.clientAt(baseUrl(), accountSid, authToken);
    }

    /** Every message is accepted: 201 with a new SM... sid; the list of accepted messages is served. */
    public void acceptMessages() {
        server.resetAll();
        accepted.clear();
        answerAfter(Duration.ZERO);
        server.stubFor(get(urlPathMatching(MESSAGES)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withTransformers(ListMessages.NAME)));
    }

    /**
     * Messages are still accepted (recorded, as Twilio would deliver them) the moment they come in,
     * but answered only after {@code delay}: a sender killed meanwhile never learns that they were.
     */
    public void answerAfter(Duration delay) {
        var accept = post(urlPathMatching(MESSAGES)).withId(ACCEPT).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withFixedDelay((int) delay.toMillis())
                .withTransformers(Accept.NAME));
        if (server.getStubMapping(ACCEPT).isPresent()) {
            server.editStub(accept);
        } else {
            server.stubFor(accept);
        }
    }

    /**
     * The next message is taken (recorded, as Twilio would deliver it) but the connection closes
     * before the answer: a passing failure the sender retries (the HTTP client does not resend a POST).
     */
    public void takeNextButFailTheAnswer() {
        server.stubFor(post(urlPathMatching(MESSAGES)).atPriority(1)
                .inScenario(TOOK_BUT_FAILED + failures.incrementAndGet()).whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("answered")
                .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE).withTransformers(Accept.NAME)));
    }

    /** Every message accepted so far, oldest first (requests refused or throttled are not among them). */
    public List<Accepted> accepted() {
        return List.copyOf(accepted);
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

    /**
     * Twilio took {@code count} more messages to {@code to} from this account's number that did not
     * come through this stand-in's senders (texts others sent meanwhile): they fill the Messages list.
     */
    public void alsoTook(int count, String to, String body) {
        for (int i = 0; i < count; i++) {
            accepted.add(new Accepted(nextSid(), to, FROM_NUMBER, body, Instant.now()));
        }
    }

    public List<Map<String, String>> messagesTo(String number) {
        return messages().stream().filter(m -> number.equals(m.get("To"))).toList();
    }

    public void clear() {
        server.resetRequests();
        accepted.clear();
    }

    @Override
    public void close() {
        server.stop();
    }

    private static Map<String, String> form(Request request) {
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

    private String nextSid() {
        return "SM%016x%016x".formatted(instance, sids.incrementAndGet());
    }

    /** Accepts one message: recorded before the answer (and its delay), answered as Twilio does. */
    private final class Accept implements ResponseDefinitionTransformerV2 {

        static final String NAME = "twilio-accept";

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Map<String, String> form = form(event.getRequest());
            Accepted message = new Accepted(nextSid(), form.get("To"),
                    form.get("From"), form.get("Body"), Instant.now());
            accepted.add(message);
            return ResponseDefinitionBuilder.like(event.getResponseDefinition()).but()
                    .withBody(json(message, event.getRequest().getUrl())).build();
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }
    }

    /** Twilio's Messages list: filtered by To and From, newest first, in pages of PageSize (50) linked by next_page_uri. */
    private final class ListMessages implements ResponseDefinitionTransformerV2 {

        static final String NAME = "twilio-list";

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Request request = event.getRequest();
            String to = query(request, "To");
            String from = query(request, "From");
            String size = query(request, "PageSize");
            String number = query(request, "Page");
            int pageSize = size == null ? 50 : Integer.parseInt(size);
            int page = number == null ? 0 : Integer.parseInt(number);
            List<Accepted> matching = new ArrayList<>(accepted.stream()
                    .filter(m -> to == null || to.equals(m.to()))
                    .filter(m -> from == null || from.equals(m.from())).toList());
            Collections.reverse(matching);
            String path = request.getUrl().replaceFirst("\\?.*", "");
            int start = page * pageSize;
            List<Accepted> onPage = matching.subList(Math.min(start, matching.size()),
                    Math.min(start + pageSize, matching.size()));
            String filter = (to == null ? "" : "To=" + encode(to) + "&") + (from == null ? "" : "From=" + encode(from) + "&");
            String next = start + pageSize < matching.size()
                    ? "\"%s?%sPageSize=%d&Page=%d\"".formatted(path, filter, pageSize, page + 1) : "null";
            String body = """
                    {"messages": [%s], "end": %d, "first_page_uri": "%s?%sPageSize=%d&Page=0", "next_page_uri": %s,
                     "page": %d, "page_size": %d, "previous_page_uri": null, "start": %d, "uri": "%s"}"""
                    .formatted(onPage.stream().map(m -> json(m, path)).collect(Collectors.joining(",")),
                            Math.max(start, start + onPage.size() - 1), path, filter, pageSize, next, page, pageSize,
                            start, request.getUrl());
            return ResponseDefinitionBuilder.like(event.getResponseDefinition()).but().withBody(body).build();
        }

        private static String query(Request request, String name) {
            QueryParameter parameter = request.queryParameter(name);
            return parameter != null && parameter.isPresent() ? parameter.firstValue() : null;
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }
    }

    private static String json(Accepted message, String path) {
        String uri = path.replaceFirst("\\.json$", "/" + message.sid() + ".json");
        String date = RFC_2822.format(message.at().atZone(ZoneOffset.UTC));
        return """
                {"sid": "%s", "account_sid": "%s", "to": %s, "from": %s, "body": %s, "status": "queued",
                 "direction": "outbound-api", "num_segments": "1", "date_created": "%s", "date_updated": "%s",
                 "date_sent": null, "uri": "%s"}""".formatted(message.sid(), ACCOUNT_SID, quoted(message.to()),
                quoted(message.from()), quoted(message.body()), date, date, uri);
    }

    private static String quoted(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
}
