-- An acknowledgement by SMS names its notification: "ACK 482913" (README "Notifications").
-- A voicemail or call, or an ACK without the code, acknowledges nothing: caller ID can be spoofed.
alter table notification add column ack_code varchar(8);
create index ix_notification_ack_code on notification (staff_member_id, ack_code);
