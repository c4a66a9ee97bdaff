package com.plumbline.intake.jobs;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface DeadLetterRepository extends JpaRepository<DeadLetter, Long> {

    List<DeadLetter> findAllByOrderByIdDesc(Pageable page);

    boolean existsByJobIdAndReplayedAtIsNull(Long jobId);

    boolean existsByNotificationIdAndReplayedAtIsNull(Long notificationId);

    /** Marks a dead letter replayed, once: a second replay finds nothing to update. */
    @Modifying
    @Query("update DeadLetter d set d.replayedAt = :now where d.id = :id and d.replayedAt is null")
    int markReplayed(Long id, Instant now);
}
