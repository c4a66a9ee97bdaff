-- Issue #21, item 2: constraints, not check-then-insert.

-- One job of each type per message. Rows doubled by the old look-then-insert race are merged into
-- the oldest first (their dead letters move with them).
update dead_letter d set job_id = keep.id
from processing_job dup
join (select message_id, type, min(id) as id from processing_job group by message_id, type) keep
  on keep.message_id = dup.message_id and keep.type = dup.type
where d.job_id = dup.id and dup.id <> keep.id;
delete from processing_job dup
using processing_job keep
where dup.message_id = keep.message_id and dup.type = keep.type and dup.id > keep.id;
create unique index uk_processing_job_message_type on processing_job (message_id, type);

-- Optimistic version of an escalation: an acknowledgement and the poller firing a rung no longer
-- overwrite each other's changes.
alter table escalation add column version bigint not null default 0;

-- Item 5: a dedup key is the provider's name, ':' and its id of up to 255 characters.
alter table camel_messageprocessed alter column message_id type varchar(300);
