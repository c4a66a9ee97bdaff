/**
 * Outbound provider calls (routes/outbound.camel.yaml): one small adapter route per channel, fed a
 * typed record, and one rule for provider errors ({@link com.plumbline.intake.outbound.ProviderErrors})
 * shared by jobs and notifications.
 */
package com.plumbline.intake.outbound;
