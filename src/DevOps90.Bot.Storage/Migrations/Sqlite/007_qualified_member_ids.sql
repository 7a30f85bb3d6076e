-- Members are named per platform: a Discord user is "discord:<user id>" (before, the bare id, which another
-- platform's user could share). The console's one member stays "console".
UPDATE check_ins
SET member_id = 'discord:' || member_id
WHERE member_id NOT LIKE 'discord:%'
  AND cohort_id IN (SELECT id FROM cohorts WHERE json_extract(definition, '$.target') LIKE 'discord:%');
