package com.plumbline.intake.security;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    @Query("select a from UserAccount a where lower(a.username) = lower(?1)")
    Optional<UserAccount> findByUsername(String username);

    Optional<UserAccount> findByStaffMemberId(long staffMemberId);

    boolean existsByAdminTrue();

    /** Held until the transaction ends: two instances starting together create one first admin. */
    @Modifying
    @Query(value = "lock table user_account in share row exclusive mode", nativeQuery = true)
    void lockForBootstrap();
}
