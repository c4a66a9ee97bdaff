package com.plumbline.intake.conversation;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ConversationRepository extends JpaRepository<Conversation, Long> {

    Optional<Conversation> findFirstByCustomerAndStatusAndClosesAtAfterOrderByLastMessageAtDesc(
            Customer customer, Conversation.Status status, Instant at);
}
