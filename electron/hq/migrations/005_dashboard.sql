-- 005: indexes for head office's dashboard (electron/hq/dashboard.ts), read by guardbook_hq_viewer. Sized for the
-- issue's figures: the coverage matrix of 1,000 branches and one branch's history over 1,000,000 received runs.

-- The coverage matrix: per branch and plan, the latest drill run first. Partial, so the per-cell probe walks drill
-- runs only (incidents, evaluations and inspections are not in it) and stops at the first one whose latest check is
-- `verified`.
-- INCLUDE: the probe reads the record's id and end time from the index alone (an index-only scan once vacuumed).
CREATE INDEX received_records_drills ON guardbook.received_records (branch_code, plan_id, started_at DESC)
  INCLUDE (record_id, ended_at)
  WHERE kind = 'run' AND is_drill;

-- One branch's history, newest first, paged by (started_at, kind, record_id): an index range scan, whatever the
-- branch's number of records. (001's index leads with plan_id after the branch, so it cannot give this order.)
CREATE INDEX received_records_branch_history
  ON guardbook.received_records (branch_code, started_at DESC, kind DESC, record_id DESC);

-- A record's latest check (the one that counts) as the first entry of one index probe, status included: every cell
-- of the matrix asks it of its candidate drills.
CREATE INDEX record_checks_latest
  ON guardbook.record_checks (branch_code, kind, record_id, checked_at DESC, check_id DESC) INCLUDE (status);

-- Records whose check failed are few, and the dashboard flags every one of them: found without reading every check.
CREATE INDEX record_checks_failed ON guardbook.record_checks (branch_code, kind, record_id) WHERE status = 'failed';
