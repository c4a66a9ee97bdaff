package com.plumbline.intake.notify;

import com.plumbline.intake.staff.StaffRole;
import java.time.Instant;
import java.util.List;

import com.plumbline.intake.conversation.ThreadedMessage;
import com.plumbline.intake.rules.Priority;
import com.plumbline.intake.rules.ServiceType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Who is told, from the notifications and staff sections of config/rules.yaml. */
class RecipientRulesTest extends NotifyIntegrationTest {

    @BeforeEach
    void team() {
        staffMember("Dana Reyes", StaffRole.DISPATCHER, "dana@plumbline.test", "+15125550180",
                List.of(NotifyChannel.EMAIL, NotifyChannel.DASHBOARD), List.of(Reachability.BUSINESS_HOURS));
        // the rota in config/rules.yaml: weekly [Sam Ortiz, Alex Chen]
        staffMember("Sam Ortiz", StaffRole.ON_CALL, "sam@plumbline.test", "+15125550181",
                List.of(NotifyChannel.SMS, NotifyChannel.EMAIL, NotifyChannel.DASHBOARD), List.of(Reachability.ON_CALL_ROTA));
        staffMember("Alex Chen", StaffRole.ON_CALL, "alex@plumbline.test", "+15125550182",
                List.of(NotifyChannel.SMS, NotifyChannel.EMAIL, NotifyChannel.DASHBOARD), List.of(Reachability.ON_CALL_ROTA));
        staffMember("Jo Patel", StaffRole.TECHNICIAN, null, "+15125550183", List.of(NotifyChannel.DASHBOARD),
                List.of(Reachability.BUSINESS_HOURS), ServiceType.WATER_HEATER);
        staffMember("Kim Drain", StaffRole.TECHNICIAN, null, "+15125550186", List.of(NotifyChannel.DASHBOARD),
                List.of(Reachability.BUSINESS_HOURS), ServiceType.DRAIN_CLEANING);
    }

    @Test
    void highPriorityInBusinessHoursGoesToTheDispatcherByEmailAndDashboardAndToSkilledTechnicians() {
        ThreadedMessage message = message("+15125550143", "water heater not working", Priority.HIGH,
                ServiceType.WATER_HEATER, false);

        notify(message);

        assertThat(recipients(message)).containsExactlyInAnyOrder(
                "Dana Reyes EMAIL", "Dana Reyes DASHBOARD", "Jo Patel DASHBOARD");
    }

    @Test
    void afterHoursTheOnCallPlumberOfTheWeekIsToldInsteadOfTheOffice() {
        // Tuesday 10 March 2026, 22:00 in Chicago: ISO week 11 -> the rota's first name ((11 - 1) mod 2 = 0), Sam Ortiz
        CLOCK.set(Instant.parse("2026-03-11T03:00:00Z"));
        ThreadedMessage message = message("+15125550143", "water heater leaking everywhere", Priority.HIGH,
                ServiceType.WATER_HEATER, true);

        notify(message);

        assertThat(recipients(message)).containsExactlyInAnyOrder("Sam Ortiz EMAIL", "Sam Ortiz DASHBOARD");
    }

    @Test
    void emergencyAfterHoursReachesTheOnCallPlumberOnEveryChannel() {
        CLOCK.set(Instant.parse("2026-03-18T03:00:00Z")); // week 12 -> Alex Chen
        ThreadedMessage message = message("+15125550143", "burst pipe flooding", Priority.EMERGENCY,
                ServiceType.LEAK_DETECTION, true);

        notify(message);

        assertThat(recipients(message)).containsExactlyInAnyOrder("Alex Chen SMS", "Alex Chen EMAIL", "Alex Chen DASHBOARD");
    }

    @Test
    void lowPriorityIsDashboardOnly() {
        ThreadedMessage message = message("+15125550143", "yearly inspection please", Priority.LOW,
                ServiceType.GENERAL, false);

        notify(message);

        assertThat(recipients(message)).containsExactly("Dana Reyes DASHBOARD");
    }

    private List<String> recipients(ThreadedMessage message) {
        return notifications(message.messageId()).stream().map(n -> n.get("name") + " " + n.get("channel")).toList();
    }
}
