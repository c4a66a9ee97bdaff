package com.plumbline.intake.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.plumbline.intake.ingress.Channel;
import com.plumbline.intake.ingress.InboundBatches;
import com.plumbline.intake.ingress.InboundMessage;
import com.plumbline.intake.ingress.Provider;
import com.plumbline.intake.notify.NotifyIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A batch of three customers' messages, as the relay sends one under a backlog, and its auto-replies' outcome. */
abstract class JobBatchTestSupport extends NotifyIntegrationTest {

    static final List<String> CUSTOMERS = List.of("+17375550191", "+17375550192", "+17375550193");

    @Autowired
    private InboundBatches batches;
    @Autowired
    private ObjectMapper json;

    /** Three ordinary messages from three customers in one delivery on intake.inbound, as the relay sends a batch. */
    void sendBatch(String prefix) throws Exception {
        // of one priority, as the relay batches them: one ticket per priority
        List<String> texts = List.of("kitchen drain is clogged again", "bathroom sink drains really slow",
                "the shower drain is clogged, water stands in the tub");
        List<InboundBatches.Part> parts = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS.size(); i++) {
            InboundMessage message = new InboundMessage(Provider.TWILIO, prefix + "-" + i, Channel.SMS, CUSTOMERS.get(i),
                    "+15125550100", texts.get(i), List.of(), Instant.now(), "{}");
            parts.add(new InboundBatches.Part("request-" + prefix + "-" + i, json.writeValueAsString(message)));
        }
        producer.sendBodyAndHeader("jms:queue:intake.inbound", batches.write(parts), InboundBatches.COUNT, parts.size());
    }

    void awaitAutoRepliesDone() {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForList(
                "select status from processing_job where type = 'AUTO_REPLY'", String.class), statuses ->
                statuses.size() == CUSTOMERS.size() && statuses.stream().allMatch("DONE"::equals));
        awaitDeliveriesSettled();
    }

    void assertEachCustomerTextedOnceAndRecorded() {
        for (String customer : CUSTOMERS) {
            assertThat(TWILIO.messagesTo(customer)).as("auto-replies Twilio took for %s", customer).hasSize(1);
            assertThat(jdbc.queryForObject("select count(*) from message where direction = 'OUTBOUND' and to_number = ?",
                    Integer.class, customer)).as("auto-replies recorded for %s", customer).isEqualTo(1);
        }
    }
}
