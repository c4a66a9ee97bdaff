package com.plumbline.intake.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Posts signed emergency SMS webhooks, each with a marker in its body, and remembers when each was posted. */
final class Emergencies {

    private Emergencies() {
    }

    /** Marker ("E-series-i") to the wall-clock ms of its post, in posting order; each from its own number. */
    static Map<String, Long> post(HttpClient http, URI target, TwilioRequests requests, String series, int count,
                                  int intervalMs, int firstNumber) throws Exception {
        return post(http, target, requests, series, count, intervalMs, firstNumber, new LinkedHashMap<>());
    }

    /** The same, also putting into answeredAt when each webhook was answered (stored). */
    static Map<String, Long> post(HttpClient http, URI target, TwilioRequests requests, String series, int count,
                                  int intervalMs, int firstNumber, Map<String, Long> answeredAt) throws Exception {
        Map<String, Long> postedAt = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String marker = "E-" + series + "-" + i;
            TwilioRequests.Signed request = requests.emergency(marker, firstNumber + i);
            long at = System.currentTimeMillis();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(target)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Twilio-Signature", request.signature())
                    .POST(HttpRequest.BodyPublishers.ofString(request.form())).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(marker + ": HTTP " + response.statusCode() + " " + response.body());
            }
            answeredAt.put(marker, System.currentTimeMillis());
            postedAt.put(marker, at);
            Thread.sleep(intervalMs);
        }
        return postedAt;
    }
}
