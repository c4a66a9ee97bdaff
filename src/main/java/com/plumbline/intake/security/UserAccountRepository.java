package com.plumbline.intake.security;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    @Query("select a from UserAccount a where lower(a.username) = lower(?1)")
    Optional<UserAccount> findByUsername(String username);

    Optional<UserAccount> findByStaffMemberId(long staffMemberId);

    boolean existsByAdminTrue();
}
