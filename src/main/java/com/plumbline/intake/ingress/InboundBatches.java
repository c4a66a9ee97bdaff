package com.plumbline.intake.ingress;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.util.RawValue;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.impl.engine.MDCUnitOfWork;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Several stored messages in one delivery on {@code intake.inbound}. Under a backlog the {@link OutboxRelay} puts up to
 * {@code intake.outbox.messages-per-delivery} ordinary messages of one lane in one JMS message, and processing works
 * them off in one database transaction (routes/processing.camel.yaml, process-batch). The body is a JSON array of
 * {@code {"requestId": ..., "message": {...}}}; the JMS property {@link #COUNT} holds how many.
 */
@Component("inboundBatches")
public class InboundBatches {

    /** The JMS property (and Camel header) that marks a batch: the number of messages in it. */
    public static final String COUNT = "intakeBatch";

    /** One stored message of a batch: its webhook's request id (for the log lines) and the canonical message. */
    public record Part(String requestId, String message) {
    }

    private final ObjectMapper mapper;

    public InboundBatches(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(List<Part> parts) {
        ArrayNode array = mapper.createArrayNode();
        for (Part part : parts) {
            array.addObject().put("requestId", part.requestId()).putRawValue("message", new RawValue(part.message()));
        }
        return array.toString();
    }

    /**
     * The log lines of a batch's message carry its own webhook's request id: the parts of a (sequential) split share the
     * delivery's unit of work, whose MDC Camel filled once, from the delivery.
     */
    public void logAs(@Header(Exchange.BREADCRUMB_ID) String requestId) {
        MDC.put(MDCUnitOfWork.MDC_BREADCRUMB_ID, requestId);
    }

    public List<Part> parts(String body) throws JsonProcessingException {
        List<Part> parts = new ArrayList<>();
        for (JsonNode part : mapper.readTree(body)) {
            parts.add(new Part(part.path("requestId").textValue(), part.path("message").toString()));
        }
        return parts;
    }
}
