-- API tokens for integrations (intake systems, chat bots): only a hash of each token is kept;
-- the token itself is shown once, when an administrator creates it.
create table api_token (
  id varchar(36) primary key,
  user_id varchar(100) not null,
  name varchar(100) not null,
  token_hash varchar(64) not null,
  created_at timestamp with time zone not null,
  created_by varchar(100),
  last_used_at timestamp with time zone,
  constraint uq_api_token_hash unique (token_hash)
);

-- 50 services of 100 characters each, one per line (FieldLimits)
alter table support_case alter column services set data type varchar(5100);
