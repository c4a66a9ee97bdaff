package com.plumbline.intake.staff;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface StaffMemberRepository extends JpaRepository<StaffMember, Long> {

    List<StaffMember> findByActiveTrueOrderById();

    List<StaffMember> findAllByOrderById();

    Optional<StaffMember> findFirstByPhoneAndActiveTrue(String phone);

    /**
     * Held until the transaction ends: a second instance starting on the same empty database waits
     * here, then finds the table seeded (the lock conflicts with itself, not with readers).
     */
    @Modifying
    @Query(value = "lock table staff_member in share row exclusive mode", nativeQuery = true)
    void lockForSeeding();
}
