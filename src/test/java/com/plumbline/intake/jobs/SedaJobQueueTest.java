package com.plumbline.intake.jobs;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same behaviour with the in-memory, priority-ordered queue (intake.queue.mode=seda). */
class SedaJobQueueTest extends JobQueueTest {

    @DynamicPropertySource
    static void seda(DynamicPropertyRegistry registry) {
        registry.add("intake.queue.mode", () -> "seda");
    }
}
