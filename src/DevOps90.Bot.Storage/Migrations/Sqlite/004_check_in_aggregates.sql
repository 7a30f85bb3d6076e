-- Participation at scale (leaderboards, ranks and the moderators' summary aggregate in SQL; see bench/README.md).
-- Per member: counts, last check-in and day range read from the index alone, in member order.
CREATE INDEX ix_check_ins_member_days ON check_ins (cohort_id, member_id, day, at);

-- Periods: who checked in since an instant (this week, this month, today).
CREATE INDEX ix_check_ins_at ON check_ins (cohort_id, at, member_id);

-- Per lesson day counts, and reading a cohort in day order without sorting it first.
CREATE INDEX ix_check_ins_day ON check_ins (cohort_id, day, at);
