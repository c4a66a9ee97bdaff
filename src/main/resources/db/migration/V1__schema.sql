-- Plumbline Intake schema (DESIGN.md §3). Every table exists from the start; later stages fill them.

-- Idempotent repository of camel-jpa (org.apache.camel.processor.idempotent.jpa.MessageProcessed).
-- The unique key is what stops duplicates across instances.
create sequence camel_messageprocessed_seq increment by 50;
create table camel_messageprocessed (
    id             bigint       primary key,
    processor_name varchar(255) not null,
    message_id     varchar(255) not null,
    created_at     timestamp(6),
    constraint uk_camel_messageprocessed unique (processor_name, message_id)
);
create index ix_camel_messageprocessed_created on camel_messageprocessed (created_at);

-- Every webhook we acknowledged, as received (raw payload kept for audit and replay).
create table webhook_event (
    id                  bigserial    primary key,
    provider            varchar(20)  not null,
    provider_message_id varchar(255) not null,
    channel             varchar(20),
    status              varchar(20)  not null,   -- RECEIVED, REJECTED
    reject_reason       text,
    from_number         varchar(64),
    to_number           varchar(64),
    raw_payload         text         not null,
    received_at         timestamptz  not null,
    constraint uk_webhook_event_provider_id unique (provider, provider_message_id)
);

create table customer (
    id           bigserial    primary key,
    phone_e164   varchar(32)  not null unique,
    phone_valid  boolean      not null default true,
    display_name varchar(255),
    created_at   timestamptz  not null default now(),
    last_seen_at timestamptz
);

create table conversation (
    id              bigserial   primary key,
    customer_id     bigint      not null references customer (id),
    status          varchar(20) not null,   -- OPEN, CLOSED
    priority        varchar(20),
    service_type    varchar(30),
    opened_at       timestamptz not null,
    last_message_at timestamptz not null,
    closes_at       timestamptz not null
);
create index ix_conversation_customer_open on conversation (customer_id, status, closes_at);

create table message (
    id                  bigserial    primary key,
    conversation_id     bigint       not null references conversation (id),
    webhook_event_id    bigint       references webhook_event (id),
    provider            varchar(20)  not null,
    provider_message_id varchar(255) not null,
    channel             varchar(20)  not null,
    direction           varchar(10)  not null,   -- INBOUND, OUTBOUND
    from_number         varchar(64),
    to_number           varchar(64),
    body                text,
    media_urls          text,
    priority            varchar(20),
    service_type        varchar(30),
    sentiment           double precision,
    urgency             double precision,
    after_hours         boolean,
    confidence          double precision,
    matched_keywords    text,
    response_due        timestamptz,
    received_at         timestamptz  not null,
    constraint uk_message_provider_id unique (provider, provider_message_id, direction)
);
create index ix_message_conversation on message (conversation_id, received_at);

create table processing_job (
    id           bigserial    primary key,
    message_id   bigint       references message (id),
    type         varchar(30)  not null,   -- AUTO_REPLY, QUOTE_ESTIMATE, FOLLOW_UP, NOTIFY_STAFF, AI_DRAFT
    priority     varchar(20)  not null,
    status       varchar(20)  not null,   -- PENDING, RUNNING, DONE, FAILED, DEAD
    attempts     int          not null default 0,
    last_error   text,
    payload      text,
    due_at       timestamptz,
    created_at   timestamptz  not null default now(),
    updated_at   timestamptz  not null default now()
);
create index ix_processing_job_status on processing_job (status, due_at);

create table dead_letter (
    id               bigserial   primary key,
    job_id           bigint      references processing_job (id),
    exception_class  varchar(255),
    exception_message text,
    attempts         int         not null default 0,
    original_payload text,
    failed_at        timestamptz not null default now(),
    replayed_at      timestamptz
);

create table staff_member (
    id                 bigserial    primary key,
    name               varchar(255) not null,
    role               varchar(20)  not null,   -- DISPATCHER, TECHNICIAN, ON_CALL, MANAGER, OWNER
    email              varchar(255),
    phone_e164         varchar(32),
    channels           varchar(100),            -- comma separated: EMAIL, SMS, DASHBOARD
    availability       varchar(100),            -- comma separated: BUSINESS_HOURS, AFTER_HOURS, WEEKENDS, ON_CALL_ROTA
    skills             varchar(255),            -- comma separated service types
    active             boolean      not null default true,
    created_at         timestamptz  not null default now()
);

create table notification (
    id               bigserial    primary key,
    message_id       bigint       references message (id),
    staff_member_id  bigint       references staff_member (id),
    channel          varchar(20)  not null,   -- EMAIL, SMS, DASHBOARD
    status           varchar(20)  not null,   -- PENDING, SENT, FAILED, SKIPPED, ACKED
    provider_id      varchar(255),
    detail           text,
    created_at       timestamptz  not null default now(),
    sent_at          timestamptz,
    read_at          timestamptz,
    acked_at         timestamptz
);
create index ix_notification_message on notification (message_id);

create table escalation (
    id          bigserial   primary key,
    message_id  bigint      not null references message (id),
    tier        int         not null default 0,
    status      varchar(20) not null,   -- PENDING, ACKED, EXHAUSTED
    due_at      timestamptz not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
create index ix_escalation_due on escalation (status, due_at);
