-- Issue #21, item 3: what we send is part of the conversation. OUTBOUND message rows say who sent
-- them: AUTO_REPLY (automatic), AI_DRAFT (a draft staff approved), STAFF (written by staff).
alter table message add column sent_by varchar(20);
