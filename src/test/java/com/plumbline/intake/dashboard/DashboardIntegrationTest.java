package com.plumbline.intake.dashboard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.plumbline.intake.support.ProcessingIntegrationTest;
import org.springframework.beans.factory.annotation.Value;

/**
 * The whole service with processing on: what the dispatch board talks to. Staff log in with the
 * security login (an owner gives them one). The board's API and browser tests share this one context.
 */
public abstract class DashboardIntegrationTest extends ProcessingIntegrationTest {

    protected static final ObjectMapper JSON = new ObjectMapper();

    @Value("${intake.ws.port}")
    protected int wsPort;

    protected long staffId(String name) {
        return jdbc.queryForObject("select id from staff_member where name = ?", Long.class, name);
    }

    /** The user name and password of a staff member from the staff rules, given by the admin through the API. */
    protected String[] credentialsOf(String name) {
        long id = staffId(name);
        String username = "board" + id;
        String password = "board-password-" + id;
        HttpResponse<String> set = asAdmin().send("PUT", "/api/staff/" + id + "/login", credentials(username, password));
        if (set.statusCode() != 204) {
            throw new IllegalStateException("login not set: " + set.body());
        }
        return new String[] {username, password};
    }

    /** An access token for a staff member from the staff rules (POST /api/auth/login). */
    protected String login(String name) {
        String[] credentials = credentialsOf(name);
        return login(credentials[0], credentials[1]);
    }

    protected HttpResponse<String> call(String method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    /** A customer's SMS as Twilio posts it, signed. */
    protected HttpResponse<String> sms(String sid, String from, String body) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("SmsMessageSid", sid);
        params.put("SmsSid", sid);
        params.put("MessageSid", sid);
        params.put("AccountSid", "AC00000000000000000000000000000001");
        params.put("SmsStatus", "received");
        params.put("NumMedia", "0");
        params.put("Body", body);
        params.put("From", from);
        params.put("To", "+15125550100");
        return postTwilio("/api/webhooks/twilio/sms", params);
    }

    protected long messageId(String providerMessageId) {
        return jdbc.queryForObject("select id from message where provider_message_id = ?", Long.class, providerMessageId);
    }

    protected int messages(String providerMessageId) {
        return jdbc.queryForObject("select count(*) from message where provider_message_id = ?", Integer.class,
                providerMessageId);
    }
}
