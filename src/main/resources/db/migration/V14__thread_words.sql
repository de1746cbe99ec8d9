-- A thread entry the playbook wrote keeps what it says as a message key and its arguments, so that
-- each reader sees it in their language; "text" keeps the English words (the API's default, and what
-- entries written before this migration have only).
alter table case_thread_entry add column message_key varchar(100);
alter table case_thread_entry add column message_args varchar(40000);
