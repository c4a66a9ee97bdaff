-- Issue #21, item 4: numbers that cannot be read ("Anonymous", "unknown") are not one customer.
-- Only readable (E.164) numbers are unique; each event from an unreadable one gets its own customer.
alter table customer drop constraint customer_phone_e164_key;
create unique index uk_customer_phone_valid on customer (phone_e164) where phone_valid;
create index ix_customer_phone on customer (phone_e164);
