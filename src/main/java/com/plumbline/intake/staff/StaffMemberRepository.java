package com.plumbline.intake.staff;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface StaffMemberRepository extends JpaRepository<StaffMember, Long> {

    // JPQL rather than a query derived from the name: Hibernate keeps the plan of a JPQL string, while a derived
    // query is built as a Criteria query and translated to SQL again on every call (on the path of every message)
    @Query("select s from StaffMember s where s.active = true order by s.id")
    List<StaffMember> findByActiveTrueOrderById();

    List<StaffMember> findAllByOrderById();

    @Query("select s from StaffMember s where s.phone = :phone and s.active = true order by s.id limit 1")
    Optional<StaffMember> findFirstByPhoneAndActiveTrue(String phone);

    /**
     * Held until the transaction ends: a second instance starting on the same empty database waits
     * here, then finds the table seeded (the lock conflicts with itself, not with readers).
     */
    @Modifying
    @Query(value = "lock table staff_member in share row exclusive mode", nativeQuery = true)
    void lockForSeeding();
}
