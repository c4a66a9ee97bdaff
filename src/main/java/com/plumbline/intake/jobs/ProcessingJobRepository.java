package com.plumbline.intake.jobs;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ProcessingJobRepository extends JpaRepository<ProcessingJob, Long> {

    /** JPQL, not derived from the name: Hibernate keeps a JPQL query's plan (StaffMemberRepository says why). */
    @Query("select j from ProcessingJob j where j.messageId = :messageId")
    List<ProcessingJob> findByMessageId(Long messageId);

    List<ProcessingJob> findByStatusOrderByIdDesc(JobStatus status, Pageable page);

    List<ProcessingJob> findAllByOrderByIdDesc(Pageable page);

    /**
     * Claims a job for one run. A job already running is taken over only when the broker says the
     * delivery is a redelivery (its first consumer died); a job done or dead is never run again.
     */
    @Modifying
    @Query("""
            update ProcessingJob j set j.status = 'RUNNING', j.attempts = j.attempts + 1,
                   j.startedAt = :now, j.updatedAt = :now, j.enqueuedAt = coalesce(j.enqueuedAt, :now)
            where j.id = :id and (j.status in ('PENDING', 'FAILED') or (j.status = 'RUNNING' and :redelivered = true))""")
    int claim(Long id, boolean redelivered, Instant now);

    @Modifying
    @Query("update ProcessingJob j set j.status = 'DONE', j.result = :result, j.finishedAt = :now, j.updatedAt = :now where j.id = :id")
    int done(Long id, String result, Instant now);

    @Modifying
    @Query("update ProcessingJob j set j.attempts = j.attempts + 1, j.lastError = :error, j.updatedAt = :now where j.id = :id")
    int retrying(Long id, String error, Instant now);

    @Modifying
    @Query("update ProcessingJob j set j.status = :status, j.lastError = :error, j.updatedAt = :now where j.id = :id")
    int failed(Long id, JobStatus status, String error, Instant now);

    /** Compare-and-set of a job's result: 1 when it still was {@code expected}, else 0. */
    @Modifying
    @Query("update ProcessingJob j set j.result = :replacement, j.updatedAt = :now where j.id = :id and j.result = :expected")
    int swapResult(Long id, String expected, String replacement, Instant now);

    @Modifying
    @Query("update ProcessingJob j set j.enqueuedAt = :now, j.updatedAt = :now where j.id = :id")
    int enqueued(Long id, Instant now);

    /** Back to the queue after a replay: pending and due now, with fresh attempts. */
    @Modifying
    @Query("""
            update ProcessingJob j set j.status = 'PENDING', j.attempts = 0, j.lastError = null, j.enqueuedAt = null,
                   j.dueAt = :now, j.updatedAt = :now
            where j.id = :id and j.status = 'DEAD'""")
    int revive(Long id, Instant now);

    @Modifying
    @Query("delete from ProcessingJob j where j.status = 'DONE' and j.finishedAt < :before")
    int purgeDone(Instant before);
}
