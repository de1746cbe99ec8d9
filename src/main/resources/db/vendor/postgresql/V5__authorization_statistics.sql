-- Camunda gives every candidate group of a task an authorization row for that task, so with 10,000
-- open tasks ACT_RU_AUTHORIZATION holds 10,000 such rows. Tasklist's task query selects a user's
-- rows with "PERMS_ & 2 = 2" (READ on a task) or "PERMS_ & 64 = 64" (READ_TASK on a definition);
-- without statistics on those expressions PostgreSQL guesses that 0.5% match, compares every task
-- with every row instead of looking each task's rows up, and the query took 1 s instead of 60 ms.
-- (Used together with plan_cache_mode = force_custom_plan, set by the postgres profile.)
create statistics if not exists st_act_ru_authorization_read on (PERMS_ & 2) from ACT_RU_AUTHORIZATION;
create statistics if not exists st_act_ru_authorization_read_task on (PERMS_ & 64) from ACT_RU_AUTHORIZATION;
analyze ACT_RU_AUTHORIZATION;
