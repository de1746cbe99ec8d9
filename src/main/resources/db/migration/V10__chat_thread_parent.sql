-- The message a case's thread hangs from, where the chat tool names it apart from the thread
-- (Teams: the thread is the conversation "19:...;messageid=N", the parent is activity N). Slack's
-- threads are named by their parent's ts, so for them it stays empty.
alter table case_chat_thread add column parent_id varchar(300);

-- A Teams reply names its thread by the conversation id alone (which holds the channel).
create index ix_case_chat_thread_id on case_chat_thread (tool, thread_id);
