-- The customer's language and time zone: what is sent to them is in that language, times in that zone.
alter table support_case add column customer_locale varchar(10);
alter table support_case add column customer_time_zone varchar(60);
