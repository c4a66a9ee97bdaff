package com.plumbline.intake.security;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;


import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.plumbline.intake.notify.NotifyIntegrationTest;
import com.plumbline.intake.support.WebhookClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Logins, tokens and roles on the REST API and the operations endpoints. */
class SecurityTest extends NotifyIntegrationTest {

    private static final List<String[]> PROTECTED = List.of(
            new String[]{"GET", "/api/staff"}, new String[]{"PUT", "/api/staff/1"},
            new String[]{"GET", "/api/notifications"}, new String[]{"POST", "/api/notifications/1/ack"},
            new String[]{"GET", "/api/jobs"}, new String[]{"GET", "/api/dead-letters"},
            new String[]{"DELETE", "/api/dead-letters/1"}, new String[]{"GET", "/api/auth/me"},
            new String[]{"GET", "/api/webhooks/health"});

    /** On the management port. */
    private static final List<String[]> OPERATIONS = List.of(
            new String[]{"GET", "/actuator/jolokia"}, new String[]{"GET", "/actuator/hawtio/index.html"},
            new String[]{"GET", "/actuator/prometheus"}, new String[]{"GET", "/actuator/metrics"});

    @Test
    void withoutATokenEveryProtectedPathAnswers401Json() {
        for (String[] call : PROTECTED) {
            assertUnauthorizedJson(client().send(call[0], call[1], null), call);
        }
        for (String[] call : OPERATIONS) {
            assertUnauthorizedJson(management().send(call[0], call[1], null), call);
        }
    }

    private static void assertUnauthorizedJson(HttpResponse<String> answer, String[] call) {
        assertThat(answer.statusCode()).as("%s %s", call[0], call[1]).isEqualTo(401);
        assertThat(answer.body()).as("%s %s", call[0], call[1]).contains("\"error\":\"unauthorized\"");
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
    }

    @Test
    void forgedExpiredWrongAudienceAndUnsignedTokensAreRefused() throws Exception {
        String valid = login(ADMIN_USER, ADMIN_PASSWORD);
        String forged = sign("another-secret-of-at-least-32-bytes-000000000", "plumbline-intake", 600);
        String wrongAudience = sign(JWT_SECRET, "some-other-service", 600);
        String unsigned = "eyJhbGciOiJub25lIn0." + valid.split("\\.")[1] + ".";
        String tampered = valid.substring(0, valid.length() - 3) + (valid.endsWith("AAA") ? "BBB" : "AAA");

        for (String token : List.of(forged, wrongAudience, unsigned, tampered, "not-a-jwt")) {
            for (String[] call : PROTECTED) {
                assertThat(client().withToken(token).send(call[0], call[1], null).statusCode())
                        .as("%s %s with %s", call[0], call[1], token).isEqualTo(401);
            }
            for (String[] call : OPERATIONS) {
                assertThat(management().withToken(token).send(call[0], call[1], null).statusCode())
                        .as("%s %s with %s", call[0], call[1], token).isEqualTo(401);
            }
        }
        assertThat(client().withToken(valid).get("/api/staff").statusCode()).isEqualTo(200);

        CLOCK.advance(Duration.ofMinutes(16));
        assertThat(client().withToken(valid).get("/api/staff").statusCode()).as("expired after 15 minutes").isEqualTo(401);
    }

    @Test
    void eachRoleMayDoItsWorkAndNothingAbove() {
        WebhookClient technician = as("TECHNICIAN");
        WebhookClient dispatcher = as("DISPATCHER");
        WebhookClient manager = as("MANAGER");
        WebhookClient owner = as("OWNER");
        WebhookClient admin = asAdmin();
        WebhookClient operator = managementAsAdmin();
        String someone = """
                {"name":"Ana","role":"TECHNICIAN","email":"ana@plumbline.test","phone":"+15125550101","channels":["SMS"]}""";

        assertThat(technician.get("/api/notifications").statusCode()).isEqualTo(200);
        assertThat(technician.get("/api/staff").statusCode()).isEqualTo(403);
        assertThat(technician.get("/api/jobs").statusCode()).isEqualTo(403);

        assertThat(dispatcher.get("/api/staff").statusCode()).isEqualTo(200);
        assertThat(dispatcher.get("/api/jobs").statusCode()).isEqualTo(200);
        HttpResponse<String> phoneChange = dispatcher.send("PUT", "/api/staff/1", someone);
        assertThat(phoneChange.statusCode()).isEqualTo(403);
        assertThat(phoneChange.body()).contains("\"error\":\"forbidden\"");
        assertThat(dispatcher.get("/api/dead-letters").statusCode()).isEqualTo(403);

        assertThat(manager.post("/api/staff", "application/json", someone).statusCode()).isEqualTo(201);
        assertThat(manager.get("/api/dead-letters").statusCode()).isEqualTo(200);
        assertThat(manager.send("PUT", "/api/staff/1/login", credentials("mallory", "a-long-password-1")).statusCode())
                .as("only owners and admins give logins").isEqualTo(403);

        assertThat(owner.send("PUT", "/api/staff/999999/login", credentials("nobody", "a-long-password-1")).statusCode())
                .isEqualTo(404);
        for (WebhookClient staff : List.of(technician, dispatcher, manager, owner)) {
            assertThat(staff.get("/api/webhooks/health").statusCode()).isEqualTo(403);
        }
        for (WebhookClient staff : List.of(technician, dispatcher, manager, owner)) {
            WebhookClient onManagementPort = staff.onPort(managementPort);
            assertThat(onManagementPort.get("/actuator/jolokia/version").statusCode()).isEqualTo(403);
            assertThat(onManagementPort.get("/actuator/hawtio/index.html").statusCode()).isEqualTo(403);
            assertThat(onManagementPort.get("/actuator/prometheus").statusCode()).isEqualTo(403);
        }
        assertThat(operator.get("/actuator/jolokia/version").statusCode()).isEqualTo(200);
        assertThat(admin.get("/api/webhooks/health").statusCode()).isEqualTo(200);
    }

    @Test
    void aManagerEditsTheDirectoryButOnlyAnOwnerGivesOrChangesRoles() {
        StaffLogin manager = newStaffLogin("MANAGER");
        WebhookClient asManager = client().withToken(manager.token());
        WebhookClient owner = as("OWNER");
        String self = asManager.get("/api/staff/" + manager.staffId()).body();
        String promoted = self.replace("\"role\":\"MANAGER\"", "\"role\":\"OWNER\"");
        String newOwner = """
                {"name":"Eve","role":"OWNER","email":"eve@plumbline.test","phone":"+15125550102","channels":["SMS"]}""";

        HttpResponse<String> selfPromotion = asManager.send("PUT", "/api/staff/" + manager.staffId(), promoted);
        assertThat(selfPromotion.statusCode()).isEqualTo(403);
        assertThat(selfPromotion.body()).contains("\"error\":\"forbidden\"");
        assertThat(asManager.post("/api/staff", "application/json", newOwner).statusCode()).isEqualTo(403);
        assertThat(asManager.get("/api/staff/" + manager.staffId()).body()).contains("\"role\":\"MANAGER\"");
        assertThat(asManager.send("PUT", "/api/staff/" + manager.staffId(), self).statusCode())
                .as("other edits stay allowed").isEqualTo(200);
        assertThat(owner.send("PUT", "/api/staff/" + manager.staffId(), promoted).statusCode()).isEqualTo(200);
    }

    @Test
    void aTechnicianSeesAndAcknowledgesOnlyTheirOwnNotifications() {
        StaffLogin tech = newStaffLogin("TECHNICIAN");
        StaffLogin other = newStaffLogin("TECHNICIAN");
        long mine = notificationFor(tech.staffId());
        long theirs = notificationFor(other.staffId());
        WebhookClient client = client().withToken(tech.token());

        JsonNode listed = readJson(client.get("/api/notifications").body());
        assertThat(listed.findValues("id")).extracting(JsonNode::asLong).containsExactly(mine);
        assertThat(client.get("/api/notifications/" + theirs).statusCode()).isEqualTo(404);
        assertThat(client.post("/api/notifications/" + theirs + "/ack", "application/json", "").statusCode()).isEqualTo(404);
        assertThat(client.post("/api/notifications/" + mine + "/ack", "application/json", "").statusCode()).isEqualTo(200);
        assertThat(asAdmin().get("/api/notifications").body()).contains("\"id\":" + theirs);
    }

    @Test
    void refreshGivesNewTokensOnceAndLogoutRevokesTheRefreshToken() {
        JsonNode first = readJson(loginAnswer(ADMIN_USER, ADMIN_PASSWORD).body());
        String refresh = first.get("refreshToken").asText();
        assertThat(first.get("expiresIn").asLong()).isEqualTo(900);

        HttpResponse<String> renewed = client().send("POST", "/api/auth/refresh", "{\"refreshToken\":\"" + refresh + "\"}");
        assertThat(renewed.statusCode()).isEqualTo(200);
        assertThat(client().send("POST", "/api/auth/refresh", "{\"refreshToken\":\"" + refresh + "\"}").statusCode())
                .as("a refresh token is used once").isEqualTo(401);

        String second = readJson(renewed.body()).get("refreshToken").asText();
        assertThat(client().send("POST", "/api/auth/logout", "{\"refreshToken\":\"" + second + "\"}").statusCode()).isEqualTo(204);
        assertThat(client().send("POST", "/api/auth/refresh", "{\"refreshToken\":\"" + second + "\"}").statusCode()).isEqualTo(401);
        assertThat(client().withToken(readJson(renewed.body()).get("accessToken").asText()).get("/api/auth/me").body())
                .contains("\"username\":\"admin\"").contains("ADMIN");
    }

    @Test
    void repeatedBadLoginsLockTheAccountWith429AndRetryAfter() {
        StaffLogin dana = newStaffLogin("DISPATCHER");
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> wrong = loginAnswer(dana.username(), "wrong-password-" + i);
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).contains("\"error\":\"unauthorized\"");
        }
        assertThat(loginAnswer(dana.username(), "wrong-password-5").statusCode()).isEqualTo(429);

        HttpResponse<String> locked = loginAnswer(dana.username(), dana.password());
        assertThat(locked.statusCode()).as("even the right password, while locked").isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(locked.body()).contains("\"error\":\"locked\"");
        assertThat(loginAnswer("no-such-user", "whatever-password").statusCode()).isEqualTo(401);

        CLOCK.advance(Duration.ofMinutes(16));
        assertThat(loginAnswer(dana.username(), dana.password()).statusCode()).isEqualTo(200);
    }

    @Test
    void prometheusTakesItsScrapeTokenAndNothingElse() {
        assertThat(management().get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(management().get("/actuator/prometheus", "Authorization", "Bearer wrong-token").statusCode()).isEqualTo(401);
        HttpResponse<String> scrape = management().get("/actuator/prometheus", "Authorization", "Bearer " + PROMETHEUS_TOKEN);
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes");
        assertThat(management().get("/actuator/jolokia/version", "Authorization", "Bearer " + PROMETHEUS_TOKEN).statusCode())
                .as("the scrape token opens nothing else").isEqualTo(401);
        assertThat(client().get("/actuator/prometheus", "Authorization", "Bearer " + PROMETHEUS_TOKEN).statusCode())
                .as("no scrape on the service port").isNotEqualTo(200);
    }

    @Test
    void publicHealthSaysOnlyUpOrDownAndAdminSeesTheParts() {
        for (HttpResponse<String> open : List.of(client().get("/health"), management().get("/actuator/health"),
                asAdmin().get("/health"))) {
            assertThat(open.statusCode()).isEqualTo(200);
            assertThat(readJson(open.body()).get("status").asText()).isEqualTo("UP");
            assertThat(readJson(open.body()).has("components")).isFalse();
        }
        assertThat(readJson(managementAsAdmin().get("/actuator/health").body()).has("components")).isTrue();
    }

    @Test
    void hawtioInABrowserTakesAnAdminLoginOverHttpBasic() {
        String basic = java.util.Base64.getEncoder()
                .encodeToString((ADMIN_USER + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> page = management().get("/actuator/hawtio/index.html", "Authorization", "Basic " + basic);
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> challenge = management().get("/actuator/hawtio/index.html");
        assertThat(challenge.statusCode()).isEqualTo(401);
        assertThat(challenge.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("Basic"));
    }

    private long notificationFor(long staffId) {
        return jdbc.queryForObject("""
                insert into notification (staff_member_id, channel, status, recipient, created_at)
                values (?, 'DASHBOARD', 'SENT', 'dashboard', now()) returning id""", Long.class, staffId);
    }

    private static String sign(String secret, String audience, long seconds) throws Exception {
        Date now = Date.from(CLOCK.instant());
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                .subject("admin").issuer("plumbline-intake").audience(audience).issueTime(now)
                .expirationTime(new Date(now.getTime() + seconds * 1000)).claim("roles", List.of("ADMIN")).build());
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

}
