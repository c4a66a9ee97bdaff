-- The dispatch board's event log: every event broadcast to the dashboards gets a monotonically
-- increasing id, so a page that reconnects asks GET /api/dashboard/events?after=ID for what it missed.
create table dashboard_event (
    id          bigserial   primary key,
    type        varchar(30) not null,   -- message, alert, notification, ack
    message_id  bigint,
    actor       varchar(255),            -- who acknowledged (ack events)
    customer_id bigint,
    payload     text        not null,   -- the JSON sent on the WebSocket, without its id
    created_at  timestamptz not null default now()
);
create index ix_dashboard_event_message on dashboard_event (message_id);
create index ix_dashboard_event_created on dashboard_event (created_at);
