-- The swarm room: who is on which area now (one row per investigation task, kept by its task
-- listener), and the case's next action (what the owner does next, by when, set by whom and when).
create table case_investigation (
  task_id varchar(64) primary key,
  case_id varchar(20) not null,
  area varchar(100),
  area_group varchar(100),
  assignee varchar(100),
  status varchar(20) not null,
  since timestamp with time zone not null,
  verdict varchar(20)
);

create index ix_case_investigation_case on case_investigation (case_id, since);

alter table support_case add column next_action varchar(4000);
alter table support_case add column next_action_due timestamp with time zone;
alter table support_case add column next_action_by varchar(100);
alter table support_case add column next_action_at timestamp with time zone;
