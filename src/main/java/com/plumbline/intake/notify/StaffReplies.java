package com.plumbline.intake.notify;

import java.util.Locale;
import java.util.Optional;

import com.plumbline.intake.customer.PhoneNumbers;
import com.plumbline.intake.ingress.InboundMessage;
import org.apache.camel.Body;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Inbound SMS from a known staff number are replies to notifications, not customer messages:
 * "ACK" (any case, anything after it) acknowledges the latest notice sent to that person.
 */
@Component("staffReplies")
public class StaffReplies {

    private static final Logger LOG = LoggerFactory.getLogger(StaffReplies.class);

    private final StaffDirectory staff;
    private final Notifications notifications;

    public StaffReplies(StaffDirectory staff, Notifications notifications) {
        this.staff = staff;
        this.notifications = notifications;
    }

    public boolean isFromStaff(@Body InboundMessage message) {
        return message.from() != null && staff.byPhone(message.from()).isPresent();
    }

    public void reply(@Body InboundMessage message) {
        Optional<StaffMember> member = staff.byPhone(message.from());
        if (member.isEmpty()) {
            return;
        }
        String text = message.body().trim().toUpperCase(Locale.ROOT);
        if (!text.startsWith("ACK")) {
            LOG.info("Reply from staff member {} ({}) is not an ACK; ignored", member.get().getId(),
                    PhoneNumbers.masked(member.get().getPhone()));
            return;
        }
        notifications.latestUnacknowledged(member.get()).ifPresentOrElse(
                n -> notifications.ack(n.getId(), "SMS from " + member.get().getName()),
                () -> LOG.info("ACK from staff member {} with nothing to acknowledge", member.get().getId()));
    }
}
