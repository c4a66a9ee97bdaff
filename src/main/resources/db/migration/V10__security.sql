-- Logins: one account per person who may sign in; roles come from the linked staff member,
-- ADMIN (operations) from the admin flag. Passwords are bcrypt hashes, never plain text.
create table user_account (
    id              bigserial primary key,
    username        varchar(100) not null,
    password_hash   varchar(100) not null,
    staff_member_id bigint references staff_member (id),
    admin           boolean not null default false,
    failed_logins   int not null default 0,
    locked_until    timestamptz,
    created_at      timestamptz not null
);
create unique index uk_user_account_username on user_account (lower(username));
create unique index uk_user_account_staff on user_account (staff_member_id);

-- Refresh tokens: only their SHA-256 is stored; logout revokes.
create table refresh_token (
    id          bigserial primary key,
    token_hash  varchar(64) not null unique,
    account_id  bigint not null references user_account (id),
    expires_at  timestamptz not null,
    revoked_at  timestamptz,
    created_at  timestamptz not null
);
create index ix_refresh_token_account on refresh_token (account_id);
