package com.plumbline.intake.notify;

import com.plumbline.intake.staff.StaffRole;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.plumbline.intake.conversation.ThreadedMessage;
import com.plumbline.intake.jobs.Jobs;
import com.plumbline.intake.rules.Priority;
import com.plumbline.intake.rules.ServiceType;
import com.plumbline.intake.support.Concurrently;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same message handled by several consumers at once (a broker redelivery racing the first
 * delivery, two instances): the database's keys and locks, not a look before the insert, decide.
 */
class ConcurrentDeliveryTest extends NotifyIntegrationTest {

    @Autowired
    Jobs jobs;

    @Autowired
    Notifications notifications;

    @Autowired
    Escalations escalations;

    @Autowired
    EntityManager entityManager;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void jobsOfAMessageHandledConcurrentlyAreCreatedOnce() throws Exception {
        ThreadedMessage message = message("+15125550171", "kitchen drain is clogged", Priority.MEDIUM,
                ServiceType.DRAIN_CLEANING, false);

        List<Object> results = Concurrently.run(6, () -> jobs.createFor(message));

        assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(List.class));
        List<Map<String, Object>> perType = jdbc.queryForList(
                "select type, count(*) as n from processing_job where message_id = ? group by type", message.messageId());
        assertThat(perType).isNotEmpty().allSatisfy(row -> assertThat(((Number) row.get("n")).intValue()).isEqualTo(1));
    }

    @Test
    void notificationsOfAMessagePlannedConcurrentlyAreRecordedOnce() throws Exception {
        staffMember("Dana Dispatch", StaffRole.DISPATCHER, "dana@plumbline.test", "+15125550199",
                List.of(NotifyChannel.EMAIL, NotifyChannel.DASHBOARD),
                List.of(Reachability.BUSINESS_HOURS, Reachability.AFTER_HOURS, Reachability.WEEKENDS));
        ThreadedMessage message = message("+15125550172", "no hot water, water heater broken", Priority.HIGH,
                ServiceType.WATER_HEATER, false);

        List<Object> results = Concurrently.run(6, () -> notifications.plan(message));

        assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(Dispatch.class));
        List<Map<String, Object>> perChannel = jdbc.queryForList("select staff_member_id, channel, count(*) as n "
                + "from notification where message_id = ? group by staff_member_id, channel", message.messageId());
        assertThat(perChannel).isNotEmpty().allSatisfy(row -> assertThat(((Number) row.get("n")).intValue()).isEqualTo(1));
    }

    @Test
    void anAckRacingTheEscalationPollerKeepsBothChanges() throws Exception {
        staffMember("Sam Ortiz", StaffRole.ON_CALL, null, "+15125550181", List.of(NotifyChannel.DASHBOARD),
                List.of(Reachability.BUSINESS_HOURS, Reachability.AFTER_HOURS));
        staffMember("Morgan Lee", StaffRole.MANAGER, null, "+15125550184", List.of(NotifyChannel.DASHBOARD),
                List.of(Reachability.BUSINESS_HOURS));
        ThreadedMessage message = message("+15125550173", "gas leak in the kitchen", Priority.EMERGENCY,
                ServiceType.MAIN_LINE, false);
        notifications.plan(message);
        long notification = jdbc.queryForObject("select min(id) from notification where message_id = ?", Long.class,
                message.messageId());
        long escalationId = jdbc.queryForObject("select id from escalation where message_id = ?", Long.class,
                message.messageId());
        CLOCK.advance(Duration.ofMinutes(6));

        // the poller has the due escalation locked and is firing its first rung while staff acknowledge
        CountDownLatch locked = new CountDownLatch(1);
        Thread poller = new Thread(() -> new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
            Escalation due = entityManager.find(Escalation.class, escalationId, LockModeType.PESSIMISTIC_WRITE);
            locked.countDown();
            sleep(800);
            escalations.fire(due);
        }));
        poller.start();
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        notifications.ack(notification, "test");
        poller.join(20_000);

        Map<String, Object> escalation = jdbc.queryForMap("select * from escalation where id = ?", escalationId);
        assertThat(escalation.get("status")).isEqualTo("ACKED");
        assertThat(escalation.get("tier")).isEqualTo(1);
        assertThat(escalation.get("fired")).isEqualTo(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
