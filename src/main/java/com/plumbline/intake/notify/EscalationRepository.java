package com.plumbline.intake.notify;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface EscalationRepository extends JpaRepository<Escalation, Long> {

    Optional<Escalation> findByMessageId(Long messageId);
}
