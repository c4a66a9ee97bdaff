package com.plumbline.intake.staff;

import com.plumbline.intake.notify.Reachability;
import com.plumbline.intake.notify.NotifyChannel;
import java.time.Instant;
import java.util.Set;

import com.plumbline.intake.rules.ServiceType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One person who can be notified (table {@code staff_member}). Validated by {@link StaffDirectory}. */
@Entity
@Table(name = "staff_member")
public class StaffMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    @Enumerated(EnumType.STRING)
    private StaffRole role;

    private String email;

    @Column(name = "phone_e164")
    private String phone;

    private String channels;

    private String availability;

    private String skills;

    private boolean active = true;

    private Instant createdAt;

    protected StaffMember() {
    }

    StaffMember(Instant createdAt) {
        this.createdAt = createdAt;
    }

    void update(String name, StaffRole role, String email, String phone, Set<NotifyChannel> channels,
                Set<Reachability> availability, Set<ServiceType> skills, boolean active) {
        this.name = name;
        this.role = role;
        this.email = email;
        this.phone = phone;
        this.channels = EnumSets.format(channels);
        this.availability = EnumSets.format(availability);
        this.skills = EnumSets.format(skills);
        this.active = active;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public StaffRole getRole() {
        return role;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public Set<NotifyChannel> getChannels() {
        return EnumSets.parse(channels, NotifyChannel.class);
    }

    public Set<Reachability> getAvailability() {
        return EnumSets.parse(availability, Reachability.class);
    }

    public Set<ServiceType> getSkills() {
        return EnumSets.parse(skills, ServiceType.class);
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
