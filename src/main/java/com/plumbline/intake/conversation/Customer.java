package com.plumbline.intake.conversation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A caller or texter, known by phone number (E.164 when it could be read). */
@Entity
@Table(name = "customer")
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "phone_e164")
    private String phone;

    private boolean phoneValid;

    private String displayName;

    private Instant createdAt;

    private Instant lastSeenAt;

    protected Customer() {
    }

    void seenAt(Instant when) {
        if (lastSeenAt == null || when.isAfter(lastSeenAt)) {
            lastSeenAt = when;
        }
    }

    public Long getId() {
        return id;
    }

    public String getPhone() {
        return phone;
    }

    public boolean isPhoneValid() {
        return phoneValid;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastSeenAt() {
        return lastSeenAt;
    }
}
