-- What a study group's web page may show of a member: the display name they had at their last check-in, and
-- whether they hid themselves from the pages (/page hide). Deleted with the member's check-ins by /forget-me.
CREATE TABLE member_profiles (
    member_id    TEXT     COLLATE "C" NOT NULL PRIMARY KEY,
    display_name TEXT,
    hidden       INTEGER  NOT NULL DEFAULT 0
);
