package com.plumbline.intake.jobs;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The jobs of a batch of messages with the in-memory queue (intake.queue.mode=seda): its ticket is taken at once, before
 * the batch's transaction has committed the jobs, and they still run, each once.
 */
class SedaJobBatchTest extends JobBatchTestSupport {

    @DynamicPropertySource
    static void seda(DynamicPropertyRegistry registry) {
        registry.add("intake.queue.mode", () -> "seda");
    }

    @Test
    void aBatchsAutoRepliesAreEachSentOnce() throws Exception {
        sendBatch("jb-seda");

        awaitAutoRepliesDone();
        assertEachCustomerTextedOnceAndRecorded();
    }
}
