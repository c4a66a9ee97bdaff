package com.plumbline.intake.conversation;

import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface CustomerRepository extends JpaRepository<Customer, Long> {

    /** The customer of a readable (E.164) number; unreadable numbers are not unique. */
    @Query("select c from Customer c where c.phone = :phone and c.phoneValid = true")
    Optional<Customer> findValidByPhone(String phone);

    /** Locks the customer's row: one customer's messages are threaded one at a time, on every instance. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Customer c where c.id = :id")
    Customer lockById(Long id);
}
