-- Invitations of the best-ranked expert on shift to an area's investigation (issue 13): who was
-- asked, when, and what they answered. The loop that asks runs in the diagram; execution_id is the
-- place in it that waits for the answer.
create table invitation (
  id varchar(36) not null,
  case_id varchar(20) not null,
  area varchar(100) not null,
  user_id varchar(64) not null,
  status varchar(20) not null,
  invited_at timestamp with time zone not null,
  answered_at timestamp with time zone,
  reason varchar(1000),
  process_instance_id varchar(64) not null,
  execution_id varchar(64) not null,
  constraint pk_invitation primary key (id)
);

create index ix_invitation_case on invitation (case_id, invited_at);
create index ix_invitation_user on invitation (user_id, status);
