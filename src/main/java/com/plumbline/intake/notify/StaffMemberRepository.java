package com.plumbline.intake.notify;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StaffMemberRepository extends JpaRepository<StaffMember, Long> {

    List<StaffMember> findByActiveTrueOrderById();

    List<StaffMember> findAllByOrderById();

    Optional<StaffMember> findFirstByPhoneAndActiveTrue(String phone);
}
