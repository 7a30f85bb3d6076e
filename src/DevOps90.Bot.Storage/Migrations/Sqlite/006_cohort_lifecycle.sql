-- Where a cohort comes from and whether it still runs: a settings cohort no longer in the settings is retired at
-- start, a /cohort create one is archived or deleted by its moderators; inactive ones are deleted after the retention
-- period (status_since: Unix milliseconds, UTC).
ALTER TABLE cohorts ADD COLUMN origin TEXT NOT NULL DEFAULT 'settings' CHECK (origin IN ('settings', 'command'));
ALTER TABLE cohorts ADD COLUMN status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived', 'retired'));
ALTER TABLE cohorts ADD COLUMN status_since INTEGER;

-- Before this migration the origin was not recorded. A cohort changed at run time may have been created with
-- /cohort create: it is kept running (a moderator can archive it) rather than retired by a guess.
UPDATE cohorts SET origin = 'command' WHERE changed_at_run_time = 1;
