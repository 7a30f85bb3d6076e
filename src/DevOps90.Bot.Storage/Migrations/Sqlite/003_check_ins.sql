-- Participation: one line per cohort, member and lesson day done. Instants are Unix milliseconds (UTC).
CREATE TABLE check_ins (
    cohort_id TEXT    NOT NULL,
    member_id TEXT    NOT NULL,
    day       INTEGER NOT NULL,
    at        INTEGER NOT NULL,
    late      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (cohort_id, member_id, day)
);

-- /forget-me removes a member from every cohort.
CREATE INDEX ix_check_ins_member ON check_ins (member_id);
