-- Notifications survive restarts (README "Notifications", "Durability"):
--   queued_at      when the notification was handed to its channel queue; PENDING rows never
--                  handed over are queued again by the notify-requeue poller
--   claimed_until  one sender at a time: a consumer claims the row for a short lease before it
--                  sends; a redelivery finding a live claim waits for the broker's next try
--   dead_letter.notification_id  a notification that outlasted the broker's redeliveries,
--                  listed and replayed through /api/dead-letters like a dead job
alter table notification add column queued_at timestamptz;
alter table notification add column claimed_until timestamptz;
update notification set queued_at = coalesce(updated_at, created_at);
create index ix_notification_unqueued on notification (created_at) where status = 'PENDING' and queued_at is null;
alter table dead_letter add column notification_id bigint references notification (id) on delete cascade;
create index ix_dead_letter_notification on dead_letter (notification_id);
