package com.plumbline.intake.ops;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/** UP when both durable stores answer: the database (webhook_event) and the broker (intake.inbound). */
@Component("intakeHealth")
public class IntakeHealth {

    private final HealthEndpoint health;

    public IntakeHealth(HealthEndpoint health) {
        this.health = health;
    }

    public Map<String, Object> check(Exchange exchange) {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("database", statusOf("db"));
        parts.put("broker", statusOf("jms"));
        boolean up = parts.values().stream().allMatch(Status.UP.getCode()::equals);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, up ? 200 : 503);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", up ? "UP" : "DOWN");
        answer.put("components", parts);
        return answer;
    }

    private String statusOf(String component) {
        HealthComponent part = health.healthForPath(component);
        return part == null ? "UNKNOWN" : part.getStatus().getCode();
    }
}
