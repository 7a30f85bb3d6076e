-- Each cohort's count of writes: a change based on an older version is refused, so that no instance overwrites a
-- change another instance made meanwhile (the registry reads the cohort again and decides again).
ALTER TABLE cohorts ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
