-- Notifications: what each row was sent to, how often it was tried and by which escalation tier.
alter table notification add column recipient varchar(255);          -- address used (email or E.164)
alter table notification add column attempts int not null default 0;
alter table notification add column tier int not null default 0;     -- 0: first notice, 1..: escalation tier
alter table notification add column updated_at timestamptz;
create index ix_notification_status on notification (status, created_at);
create index ix_notification_staff on notification (staff_member_id, created_at);

-- Escalations: how many times the ladder fired, and who stopped it.
alter table escalation add column fired int not null default 0;
alter table escalation add column acked_at timestamptz;
alter table escalation add column acked_by varchar(255);
create unique index uk_escalation_message on escalation (message_id);

create index ix_staff_member_phone on staff_member (phone_e164);
