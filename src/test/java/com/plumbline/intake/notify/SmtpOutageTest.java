package com.plumbline.intake.notify;

import com.plumbline.intake.staff.StaffRole;
import com.plumbline.intake.staff.StaffMember;
import java.time.Duration;
import java.util.List;

import com.plumbline.intake.conversation.ThreadedMessage;
import com.plumbline.intake.rules.Priority;
import com.plumbline.intake.rules.ServiceType;
import com.plumbline.intake.support.DashboardSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One channel failing does not hold up the others, and it catches up on its own. */
class SmtpOutageTest extends NotifyIntegrationTest {

    @AfterEach
    void smtpBack() {
        MAIL.start();
    }

    @Test
    void smsAndDashboardArriveWhileSmtpIsDownAndTheEmailIsSentOnceItIsBack() throws Exception {
        StaffMember dana = staffMember("Dana Reyes", StaffRole.DISPATCHER, "dana@plumbline.test", "+15125550180",
                List.of(NotifyChannel.EMAIL, NotifyChannel.SMS, NotifyChannel.DASHBOARD), List.of(Reachability.BUSINESS_HOURS));
        ThreadedMessage message = message("+15125550143", "sewage backing up into the shower", Priority.EMERGENCY,
                ServiceType.MAIN_LINE, false);
        MAIL.stop();

        try (DashboardSocket dashboard = DashboardSocket.loggedIn(dashboardUrl(), login(ADMIN_USER, ADMIN_PASSWORD))) {
            notify(message);

            await().atMost(Duration.ofSeconds(10)).until(() -> !dashboard.ofType("alert").isEmpty()
                    && TWILIO.messagesTo(dana.getPhone()).size() == 1);
        }
        awaitStatus(message.messageId(), NotifyChannel.SMS, "SENT");
        awaitStatus(message.messageId(), NotifyChannel.DASHBOARD, "SENT");
        assertThat(notifications(message.messageId())).filteredOn(n -> "EMAIL".equals(n.get("channel")))
                .singleElement().satisfies(n -> assertThat(n.get("status")).isEqualTo("PENDING"));

        MAIL.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> MAIL.received().length == 1);
        awaitStatus(message.messageId(), NotifyChannel.EMAIL, "SENT");
        assertThat(MAIL.received()[0].getSubject().toString()).startsWith("[EMERGENCY] MAIN_LINE");
    }
}
