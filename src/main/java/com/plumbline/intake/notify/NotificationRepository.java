package com.plumbline.intake.notify;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

    @Query("""
            select n from Notification n
            where (:status is null or n.status = :status) and (:messageId is null or n.messageId = :messageId)
            order by n.id desc limit 500""")
    List<Notification> search(NotificationStatus status, Long messageId);

    /** The notice to a staff member with this acknowledgement code, among those still waiting for one. */
    Optional<Notification> findFirstByStaffMemberIdAndAckCodeAndStatusInOrderByIdDesc(Long staffMemberId, String ackCode,
                                                                                     Collection<NotificationStatus> statuses);
}
