-- Issue #21, item 1: one call is one message. The message of a call is keyed by the call's id and
-- updated by each of its callbacks (status, duration, recording, transcript).
alter table message add column call_status varchar(20);
alter table message add column call_duration integer;
