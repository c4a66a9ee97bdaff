package com.plumbline.intake.notify;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface EscalationRepository extends JpaRepository<Escalation, Long> {

    /** JPQL, not derived from the name: Hibernate keeps a JPQL query's plan (StaffMemberRepository says why). */
    @Query("select e from Escalation e where e.messageId = :messageId")
    Optional<Escalation> findByMessageId(Long messageId);

    /** The escalation, locked: an acknowledgement waits for a rung being fired, then sees it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from Escalation e where e.messageId = :messageId")
    Optional<Escalation> lockByMessageId(Long messageId);

    /** Escalations still running for any message of a conversation. */
    @Query("""
            select e from Escalation e where e.status = com.plumbline.intake.notify.EscalationStatus.PENDING
              and e.messageId in (select m.id from ConversationMessage m where m.conversation.id = :conversationId)""")
    List<Escalation> findPendingInConversation(long conversationId);
}
