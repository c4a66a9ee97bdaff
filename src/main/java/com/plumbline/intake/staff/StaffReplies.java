package com.plumbline.intake.staff;

import com.plumbline.intake.notify.Notifications;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.plumbline.intake.conversation.PhoneNumbers;
import com.plumbline.intake.ingress.Channel;
import com.plumbline.intake.ingress.InboundMessage;
import org.apache.camel.Body;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Inbound messages from a known staff number are replies to notifications, not customer
 * messages. Only an SMS acknowledges, and only with the code of its notification ("ACK 482913",
 * any case, anything after it): caller ID is easily spoofed, so a voicemail or call "from" a
 * staff number saying "ACK", or an ACK without the code, stops no escalation.
 */
@Component("staffReplies")
public class StaffReplies {

    private static final Logger LOG = LoggerFactory.getLogger(StaffReplies.class);
    private static final Pattern ACK = Pattern.compile("ACK\\W{0,3}(\\d{6})\\b.*", Pattern.DOTALL);

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
        long memberId = member.get().getId();
        if (message.channel() != Channel.SMS) {
            LOG.warn("A {} from staff member {}'s number ({}) acknowledges nothing: only an SMS with the code can",
                    message.channel(), memberId, PhoneNumbers.masked(member.get().getPhone()));
            return;
        }
        String text = message.body() == null ? "" : message.body().trim().toUpperCase(Locale.ROOT);
        if (!text.startsWith("ACK")) {
            LOG.info("Reply from staff member {} ({}) is not an ACK; ignored", memberId,
                    PhoneNumbers.masked(member.get().getPhone()));
            return;
        }
        Matcher code = ACK.matcher(text);
        if (!code.matches()) {
            LOG.info("ACK from staff member {} without the code of a notification; ignored", memberId);
            return;
        }
        notifications.unacknowledged(member.get(), code.group(1)).ifPresentOrElse(
                n -> notifications.ack(n.getId(), "SMS from " + member.get().getName()),
                () -> LOG.info("ACK from staff member {} with a code that matches nothing to acknowledge", memberId));
    }
}
