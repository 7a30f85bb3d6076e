-- One active /cohort create cohort per channel, decided by the database: two instances creating a cohort for the same
-- channel at the same moment each found the channel free in their own registry, and both were stored. (Settings
-- cohorts are left out: the settings are the operator's, checked at start.) A pair stored before this index keeps
-- the cohort written first; the other is archived, not deleted, so its data stays until the retention rule.
UPDATE cohorts
SET status = 'archived', status_since = CAST(strftime('%s', 'now') AS INTEGER) * 1000, version = version + 1
WHERE status = 'active' AND origin = 'command' AND EXISTS (
    SELECT 1 FROM cohorts AS earlier
    WHERE earlier.status = 'active' AND earlier.origin = 'command'
      AND json_extract(earlier.definition, '$.target') = json_extract(cohorts.definition, '$.target')
      AND (earlier.updated_at < cohorts.updated_at OR (earlier.updated_at = cohorts.updated_at AND earlier.id < cohorts.id)));

CREATE UNIQUE INDEX cohorts_created_one_per_channel ON cohorts (json_extract(definition, '$.target'))
WHERE status = 'active' AND origin = 'command';
