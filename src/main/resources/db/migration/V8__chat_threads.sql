-- One chat thread per case and chat tool (Slack now, Teams next): where the case was broadcast, so
-- that everything later about it is a reply there, on every node and after restarts.
create table case_chat_thread (
  case_id varchar(20) not null,
  tool varchar(20) not null,
  channel varchar(200) not null,
  thread_id varchar(300) not null,
  created_at timestamp with time zone not null,
  constraint pk_case_chat_thread primary key (case_id, tool)
);

create index ix_case_chat_thread_thread on case_chat_thread (tool, channel, thread_id);

-- Events a chat tool delivered (Slack retries a delivery it thinks failed): each is handled once.
create table chat_event (
  tool varchar(20) not null,
  event_id varchar(200) not null,
  received_at timestamp with time zone not null,
  constraint pk_chat_event primary key (tool, event_id)
);
