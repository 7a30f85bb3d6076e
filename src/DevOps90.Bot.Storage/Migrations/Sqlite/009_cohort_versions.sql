-- Each cohort's count of writes: a change based on an older version is refused, so that no instance overwrites a
-- change it has not seen (SQLite serves one process, but both engines run the same conditional statements).
ALTER TABLE cohorts ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
