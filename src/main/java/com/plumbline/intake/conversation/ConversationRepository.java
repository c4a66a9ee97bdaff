package com.plumbline.intake.conversation;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ConversationRepository extends JpaRepository<Conversation, Long> {

    // JPQL rather than a query derived from the name: Hibernate keeps the plan of a JPQL string, while a derived
    // query is built as a Criteria query and translated to SQL again on every call (once per message)
    @Query("""
            select c from Conversation c where c.customer = :customer and c.status = :status and c.closesAt > :at
            order by c.lastMessageAt desc limit 1""")
    Optional<Conversation> findFirstByCustomerAndStatusAndClosesAtAfterOrderByLastMessageAtDesc(
            Customer customer, Conversation.Status status, Instant at);
}
