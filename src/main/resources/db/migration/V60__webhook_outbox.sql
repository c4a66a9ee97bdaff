-- Issue 15: a webhook's acknowledgement is one PostgreSQL write. webhook_event is the outbox: the
-- webhook is answered once its row commits (its unique key (provider, provider_message_id) is the
-- dedup), and the relay (routes/intake.camel.yaml, ingress.OutboxRelay) moves new rows to
-- jms:queue:intake.inbound in batches, highest priority first.
alter table webhook_event add column message        text;         -- the canonical message (JSON)
alter table webhook_event add column queue_priority smallint;     -- its JMSPriority on intake.inbound (9/7/4/1)
alter table webhook_event add column ordering_key   varchar(64);  -- its JMSXGroupID (not for emergencies)
alter table webhook_event add column request_id     varchar(64);  -- the webhook's request id, for the log lines
alter table webhook_event add column relayed_at     timestamptz;  -- when it reached intake.inbound
-- every earlier row went to the queue in its own intake transaction
update webhook_event set relayed_at = received_at;
create index ix_webhook_event_unrelayed on webhook_event (queue_priority desc, id)
    where relayed_at is null and status = 'RECEIVED';
-- the dedup is webhook_event's unique key now (the idempotent repository held the same keys)
drop table camel_messageprocessed;
drop sequence camel_messageprocessed_seq;
