package com.plumbline.intake.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;

import com.plumbline.intake.ingress.Provider;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ConversationMessageRepository extends JpaRepository<ConversationMessage, Long> {

    /** JPQL, not derived from the name: Hibernate keeps a JPQL query's plan (StaffMemberRepository says why). */
    @Query("""
            select m from ConversationMessage m
            where m.provider = :provider and m.providerMessageId = :providerMessageId and m.direction = :direction""")
    Optional<ConversationMessage> findByProviderAndProviderMessageIdAndDirection(
            Provider provider, String providerMessageId, ConversationMessage.Direction direction);

    @Query("""
            select count(m) from ConversationMessage m
            where m.conversation.customer = :customer and m.direction = 'INBOUND'
              and m.receivedAt >= :since and m.receivedAt <= :until""")
    int countInboundFrom(Customer customer, Instant since, Instant until);

    /** Messages flagged for review, newest first. */
    List<ConversationMessage> findByNeedsReviewTrueOrderByReceivedAtDescIdDesc(Pageable page);

    /** Messages a staff member corrected, oldest correction first. */
    List<ConversationMessage> findByCorrectedAtNotNullOrderByCorrectedAtAscIdAsc();
}
