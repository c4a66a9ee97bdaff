package com.plumbline.intake.notify;

import com.plumbline.intake.staff.StaffDirectory;
import com.plumbline.intake.conversation.ConversationRetracted;
import org.springframework.context.event.EventListener;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.plumbline.intake.notify.NotificationRules.Ladder;
import com.plumbline.intake.notify.NotificationRules.Recipient;
import com.plumbline.intake.notify.NotificationRules.Rung;
import org.apache.camel.Body;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Fires the next rung of a due escalation (locked by the {@code escalation} route's jpa consumer):
 * records the notices of that rung and moves the escalation's due time to the next rung, or
 * repeats the last rung every {@code repeatEvery} until someone acknowledges.
 */
@Component("escalations")
public class Escalations {

    private static final Logger LOG = LoggerFactory.getLogger(Escalations.class);

    private final NotificationRules rules;
    private final StaffDirectory staff;
    private final Notifications notifications;
    private final Clock clock;
    private final EscalationRepository repository;

    public Escalations(NotificationRules rules, StaffDirectory staff, Notifications notifications, Clock clock,
                       EscalationRepository repository) {
        this.repository = repository;
        this.rules = rules;
        this.staff = staff;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** A retraction in the conversation stops its running escalations, with the reason recorded. */
    @EventListener
    public void onRetraction(ConversationRetracted retracted) {
        for (Escalation escalation : repository.findPendingInConversation(retracted.conversationId())) {
            escalation.stopped(retracted.reason(), clock.instant());
            repository.save(escalation);
            LOG.info("Escalation of message {} stopped: {}", escalation.getMessageId(), retracted.reason());
        }
    }

    public Dispatch fire(@Body Escalation escalation) {
        Instant now = clock.instant();
        if (escalation.getStatus() != EscalationStatus.PENDING || escalation.getDueAt().isAfter(now)) {
            return Dispatch.none(escalation.getMessageId());
        }
        Ladder ladder = rules.ladder();
        List<Rung> rungs = ladder.rungs();
        int index = Math.min(escalation.getTier(), rungs.size() - 1);
        Rung rung = rungs.get(index);
        List<Recipient> recipients = rules.escalationRecipients(rung, staff.active());
        Dispatch dispatch = notifications.recordEscalation(escalation.getMessageId(), recipients, index + 1);
        escalation.fired(now, nextDue(escalation, rungs, ladder.maxRepeats()));
        LOG.info("Escalation of message {}: tier {} ({}) to {} staff", escalation.getMessageId(), index + 1,
                rung.roles(), recipients.size());
        return dispatch;
    }

    /** The next rung's time from the first notice; past the last rung, every repeatEvery. */
    private static Instant nextDue(Escalation escalation, List<Rung> rungs, int maxRepeats) {
        int next = escalation.getTier() + 1;
        if (next < rungs.size()) {
            return escalation.getCreatedAt().plus(rungs.get(next).after());
        }
        Rung last = rungs.get(rungs.size() - 1);
        int repeats = next - rungs.size();
        if (last.repeatEvery() == null || repeats >= maxRepeats) {
            return null;
        }
        return escalation.getDueAt().plus(last.repeatEvery());
    }
}
