-- Contributions the case's owner (or a duty manager) marked as helpful, at the post-incident review
-- or any time before: a comment or a finding of the case thread, once each. They count as credit.
create table helpful_mark (
  entry_id bigint not null,
  case_id varchar(20) not null,
  author varchar(100) not null,
  marked_by varchar(100) not null,
  marked_at timestamp with time zone not null,
  constraint pk_helpful_mark primary key (entry_id)
);

create index ix_helpful_mark_author on helpful_mark (author);
