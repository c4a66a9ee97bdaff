package com.plumbline.intake.ingress;

import org.springframework.data.jpa.repository.JpaRepository;

public interface WebhookEventRepository extends JpaRepository<WebhookEvent, Long> {

    boolean existsByProviderAndProviderMessageId(Provider provider, String providerMessageId);
}
