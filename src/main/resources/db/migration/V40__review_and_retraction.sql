-- Issue #19: safety-first review flags and staff corrections on messages, retractions on
-- conversations, and why an escalation was stopped. Additive only.
alter table message add column needs_review boolean not null default false;
alter table message add column review_reason text;
alter table message add column retraction boolean not null default false;
alter table message add column corrected_priority varchar(20);
alter table message add column corrected_service_type varchar(30);
alter table message add column corrected_at timestamptz;
create index ix_message_review on message (received_at desc) where needs_review;
create index ix_message_corrected on message (corrected_at) where corrected_at is not null;

alter table conversation add column retracted_at timestamptz;
alter table conversation add column retraction_reason text;

alter table escalation add column stopped_reason text;
