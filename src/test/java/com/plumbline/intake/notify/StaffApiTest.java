package com.plumbline.intake.notify;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The staff directory API: validated at save time, JSON errors. */
class StaffApiTest extends NotifyIntegrationTest {

    private static final String DANA = """
            {"name":"Dana Reyes","role":"DISPATCHER","email":"dana@plumbline.test","phone":"(512) 555-0180",
             "channels":["EMAIL","SMS"],"reachable":["BUSINESS_HOURS"]}""";

    @Test
    void staffMemberIsCreatedWithTheNumberInE164AndCanBeReadUpdatedAndDeactivated() throws Exception {
        HttpResponse<String> created = asAdmin().post("/api/staff", "application/json", DANA);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"phone\":\"+15125550180\"");
        long id = readJson(created.body()).get("id").asLong();

        assertThat(asAdmin().get("/api/staff/" + id).body()).contains("\"name\":\"Dana Reyes\"");
        HttpResponse<String> updated = send("PUT", "/api/staff/" + id, DANA.replace("DISPATCHER", "MANAGER"));
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(updated.body()).contains("\"role\":\"MANAGER\"");
        assertThat(send("DELETE", "/api/staff/" + id, null).statusCode()).isEqualTo(204);
        assertThat(asAdmin().get("/api/staff").body()).contains("\"active\":false");
    }

    @Test
    void invalidPhoneIsRefusedWithA400NamingTheField() {
        HttpResponse<String> answer = asAdmin().post("/api/staff", "application/json", DANA.replace("(512) 555-0180", "12"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        assertThat(answer.body()).contains("\"error\":\"bad_request\"").contains("phone: '12' is not a valid phone number");
        assertThat(jdbc.queryForObject("select count(*) from staff_member", Integer.class)).isZero();
    }

    @Test
    void invalidEmailIsRefusedWithA400NamingTheField() {
        HttpResponse<String> answer = asAdmin().post("/api/staff", "application/json", DANA.replace("dana@plumbline.test", "dana-at-home"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("email: 'dana-at-home' is not an email address");
    }

    @Test
    void unknownRoleAndUnknownIdsAreJsonErrorsNotStackTraces() throws Exception {
        HttpResponse<String> badRole = asAdmin().post("/api/staff", "application/json", DANA.replace("DISPATCHER", "PLUMBER"));
        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(badRole.body()).contains("bad_request").doesNotContain("at com.");

        assertThat(asAdmin().get("/api/staff/999999").statusCode()).isEqualTo(404);
        assertThat(asAdmin().get("/api/staff/999999").body()).contains("\"error\":\"not_found\"");
        assertThat(asAdmin().post("/api/notifications/999999/ack", "application/json", "").statusCode()).isEqualTo(404);
        assertThat(asAdmin().get("/api/notifications?status=LOST").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> send(String method, String path, String body) {
        return asAdmin().send(method, path, body);
    }
}
