-- Participation at scale on PostgreSQL (bench/README.md): per cohort and member, how many check-ins, the first and
-- last lesson day and the latest instant, so that leaderboards, ranks and the summary read one line per member
-- instead of grouping the whole cohort (a parallel sequential scan of 900,000 rows: 250-320 ms idle). Kept by
-- statement triggers in the transaction of every INSERT, DELETE and UPDATE of check_ins, whichever path runs it
-- (check-in, undo, /forget-me, a cohort's deletion, COPY). The stores read it through PostgresDialect.
CREATE TABLE check_in_totals (
    cohort_id TEXT    COLLATE "C" NOT NULL,
    member_id TEXT    COLLATE "C" NOT NULL,
    n         INTEGER NOT NULL,
    lo        INTEGER NOT NULL,
    hi        INTEGER NOT NULL,
    last      BIGINT  NOT NULL,
    PRIMARY KEY (cohort_id, member_id)
);

-- Added check-ins: add to each member's line (created when missing). Lines are taken in key order, so statements
-- touching several members cannot deadlock each other.
CREATE FUNCTION check_in_totals_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO check_in_totals AS t (cohort_id, member_id, n, lo, hi, last)
    SELECT cohort_id, member_id, COUNT(*), MIN(day), MAX(day), MAX(at) FROM added
    GROUP BY cohort_id, member_id ORDER BY cohort_id, member_id
    ON CONFLICT (cohort_id, member_id) DO UPDATE
    SET n = t.n + excluded.n, lo = LEAST(t.lo, excluded.lo), hi = GREATEST(t.hi, excluded.hi),
        last = GREATEST(t.last, excluded.last);
    RETURN NULL;
END $$;

-- Removed or changed check-ins (the members in "touched"): count their lines again, since a first or last day may
-- have gone. The lines are locked first and counted in statements of their own: under READ COMMITTED each statement
-- of the function takes a new snapshot, so the count sees every check-in of a transaction that held a line before
-- (one still adding check-ins without the line adds them to it after this one commits).
CREATE FUNCTION check_in_totals_recount() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM check_in_totals t
    WHERE (t.cohort_id, t.member_id) IN (SELECT cohort_id, member_id FROM touched)
    ORDER BY t.cohort_id, t.member_id FOR UPDATE;
    DELETE FROM check_in_totals t
    WHERE (t.cohort_id, t.member_id) IN (SELECT cohort_id, member_id FROM touched)
      AND NOT EXISTS (SELECT 1 FROM check_ins c WHERE c.cohort_id = t.cohort_id AND c.member_id = t.member_id);
    INSERT INTO check_in_totals AS t (cohort_id, member_id, n, lo, hi, last)
    SELECT cohort_id, member_id, COUNT(*), MIN(day), MAX(day), MAX(at) FROM check_ins
    WHERE (cohort_id, member_id) IN (SELECT cohort_id, member_id FROM touched)
    GROUP BY cohort_id, member_id ORDER BY cohort_id, member_id
    ON CONFLICT (cohort_id, member_id) DO UPDATE
    SET n = excluded.n, lo = excluded.lo, hi = excluded.hi, last = excluded.last;
    RETURN NULL;
END $$;

-- DELETE, not TRUNCATE: a TRUNCATE of both tables at once (the tests empty every table so) is running on this one.
CREATE FUNCTION check_in_totals_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM check_in_totals;
    RETURN NULL;
END $$;

CREATE TRIGGER check_in_totals_added AFTER INSERT ON check_ins
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION check_in_totals_add();
CREATE TRIGGER check_in_totals_removed AFTER DELETE ON check_ins
    REFERENCING OLD TABLE AS touched FOR EACH STATEMENT EXECUTE FUNCTION check_in_totals_recount();
-- An update (none of the bot's statements makes one) recounts the members its lines left and the ones they joined.
CREATE TRIGGER check_in_totals_changed_from AFTER UPDATE ON check_ins
    REFERENCING OLD TABLE AS touched FOR EACH STATEMENT EXECUTE FUNCTION check_in_totals_recount();
CREATE TRIGGER check_in_totals_changed_to AFTER UPDATE ON check_ins
    REFERENCING NEW TABLE AS touched FOR EACH STATEMENT EXECUTE FUNCTION check_in_totals_recount();
CREATE TRIGGER check_in_totals_truncated AFTER TRUNCATE ON check_ins
    FOR EACH STATEMENT EXECUTE FUNCTION check_in_totals_clear();

-- The check-ins already there (after the triggers: creating them locked out writers until this script commits).
INSERT INTO check_in_totals (cohort_id, member_id, n, lo, hi, last)
SELECT cohort_id, member_id, COUNT(*), MIN(day), MAX(day), MAX(at) FROM check_ins GROUP BY cohort_id, member_id;
