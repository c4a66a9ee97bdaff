package com.plumbline.intake.ops;

/**
 * The business meters of Plumbline Intake: one name per stage, all in Spring's Micrometer
 * registry, so Prometheus ({@code /actuator/prometheus}), {@code /actuator/metrics} and the JSON
 * summary at {@code /api/webhooks/metrics} read the same numbers. A stage records its meter with
 * these names and tags (e.g. {@code registry.counter(CLASSIFIED, PRIORITY, "EMERGENCY", SERVICE_TYPE, "GENERAL")});
 * the summary picks up whatever exists, so a stage not written yet simply does not show.
 *
 * <p>Prometheus spelling: dots become underscores, counters end in {@code _total}, timers in
 * {@code _seconds_count/_sum/_max}, e.g. {@code intake_webhooks_total{provider="TWILIO",outcome="received"}}.
 * Camel's own route meters ({@code camel_exchanges_total}, {@code camel_exchanges_failed_total},
 * {@code camel_route_policy_seconds}, tag {@code routeId}) come from camel-micrometer.
 */
public final class BusinessMetrics {

    /** Counter: webhook deliveries; tags {@link #PROVIDER}, {@link #OUTCOME} = received|duplicate|rejected. */
    public static final String WEBHOOKS = "intake.webhooks";

    /** Counter: messages classified; tags {@link #PRIORITY} (EMERGENCY, HIGH, MEDIUM, LOW), {@link #SERVICE_TYPE}. */
    public static final String CLASSIFIED = "intake.classified";

    /** Gauge: messages waiting on a JMS queue; tag {@link #QUEUE} (intake.inbound, intake.jobs, intake.dlq). */
    public static final String QUEUE_DEPTH = "intake.queue.depth";

    /** Gauge: age in seconds of the oldest message waiting on a JMS queue (0 when empty); tag {@link #QUEUE}. */
    public static final String QUEUE_OLDEST_AGE = "intake.queue.oldest.age";

    /** Gauge: stored messages not yet relayed to intake.inbound (webhook_event, the outbox; a backlog past the queue's limit, or the broker away). */
    public static final String OUTBOX_WAITING = "intake.outbox.waiting";

    /** Gauge: 1 while a queue is stalled (see ops.QueueStalls), else 0; tag {@link #QUEUE}. */
    public static final String QUEUE_STALLED = "intake.queue.stalled";

    /** Counter: messages given up on and parked as dead letters; tag {@link #STAGE} (the route id that failed). */
    public static final String DEAD_LETTERS = "intake.dead.letters";

    /** Timer: from the webhook's receipt to the first staff notification sent for it; tag {@link #PRIORITY}. */
    public static final String FIRST_NOTIFICATION = "intake.first.notification";

    /** Counter: staff notifications; tags {@link #CHANNEL_TAG} (email, sms, dashboard, ...), {@link #OUTCOME} = sent|failed. */
    public static final String NOTIFICATIONS = "intake.notifications";

    public static final String PROVIDER = "provider";
    public static final String OUTCOME = "outcome";
    public static final String PRIORITY = "priority";
    public static final String SERVICE_TYPE = "serviceType";
    public static final String QUEUE = "queue";
    public static final String STAGE = "stage";
    public static final String CHANNEL_TAG = "channel";

    private BusinessMetrics() {
    }
}
