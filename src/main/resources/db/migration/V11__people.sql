-- Who is strong in what, and when they work: the profiles the experts' ranking reads (issue 13).
create table person_profile (
  user_id varchar(64) not null,
  skills varchar(1000) not null,
  services varchar(5100) not null,
  time_zone varchar(64) not null,
  work_start varchar(5) not null,
  work_end varchar(5) not null,
  work_days varchar(40) not null,
  away boolean not null,
  updated_at timestamp with time zone not null,
  updated_by varchar(64),
  constraint pk_person_profile primary key (user_id)
);
