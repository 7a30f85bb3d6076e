-- Cohorts outlive the process: seeded from the settings, created or changed at run time.
CREATE TABLE cohorts (
    id                  TEXT    NOT NULL PRIMARY KEY,
    definition          TEXT    NOT NULL,
    changed_at_run_time INTEGER NOT NULL DEFAULT 0,
    updated_at          INTEGER NOT NULL
);
