-- One active /cohort create cohort per channel, decided by the database: two instances creating a cohort for the same
-- channel at the same moment each found the channel free in their own registry, and both were stored. (Settings
-- cohorts are left out: the settings are the operator's, checked at start.) A pair stored before this index keeps
-- the cohort written first; the other is archived, not deleted, so its data stays until the retention rule.
UPDATE cohorts
SET status = 'archived', status_since = (extract(epoch FROM now()) * 1000)::bigint, version = version + 1
WHERE status = 'active' AND origin = 'command' AND EXISTS (
    SELECT 1 FROM cohorts AS earlier
    WHERE earlier.status = 'active' AND earlier.origin = 'command'
      AND (earlier.definition::jsonb ->> 'target') = (cohorts.definition::jsonb ->> 'target')
      AND (earlier.updated_at < cohorts.updated_at OR (earlier.updated_at = cohorts.updated_at AND earlier.id < cohorts.id)));

CREATE UNIQUE INDEX cohorts_created_one_per_channel ON cohorts ((definition::jsonb ->> 'target'))
WHERE status = 'active' AND origin = 'command';
