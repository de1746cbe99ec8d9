-- Job acquisition asks for the jobs that are due now (every job has a due date: the engine runs with
-- ensureJobDueDateNotNull). Camunda indexes no due date, so each acquisition read every job, and most
-- of them are the SLA timers of open cases, due minutes or hours from now. With this index an
-- acquisition reads only the jobs that are due. (Runs after the engine has created its tables; see
-- MigrationsAfterEngine.)
create index ix_act_ru_job_duedate on ACT_RU_JOB (DUEDATE_);
