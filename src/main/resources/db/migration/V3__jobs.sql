-- Job queue details (issue: durable priority job queue)
alter table processing_job add column conversation_id bigint references conversation (id);
alter table processing_job add column result text;
alter table processing_job add column enqueued_at timestamptz;
alter table processing_job add column started_at timestamptz;
alter table processing_job add column finished_at timestamptz;
create index ix_processing_job_message on processing_job (message_id);
create index ix_processing_job_due on processing_job (due_at) where status = 'PENDING' and enqueued_at is null;

-- the quote estimate attached to a conversation
alter table conversation add column quote_min integer;
alter table conversation add column quote_max integer;
alter table conversation add column quote_currency varchar(3);

alter table dead_letter add column job_type varchar(30);
alter table dead_letter add column priority varchar(20);
create index ix_dead_letter_job on dead_letter (job_id);
alter table message add column language varchar(5);
