-- 007: the latest verified drill of each branch and plan, kept by ingest verification, so the coverage matrix reads
-- one small row per cell instead of probing a million records for each (npm run bench -- hq measured 344 ms at
-- 1,000 branches × 12 plans that way, above the 300 ms goal, and 15,000 branches would be fifteen times that).
-- Derived data, not evidence: it may be updated (by head office's administrator, who verifies), never by a branch,
-- and rebuilt from the records and their checks at any time with guardbook.rebuild_drill_coverage().
CREATE TABLE guardbook.drill_coverage (
  branch_code text NOT NULL REFERENCES guardbook.branches,
  plan_id text NOT NULL,
  record_id text NOT NULL,
  started_at timestamptz NOT NULL,
  ended_at timestamptz,
  PRIMARY KEY (branch_code, plan_id)
);
COMMENT ON TABLE guardbook.drill_coverage IS
  'Derived: the latest verified drill run per branch and plan (electron/hq/ingest.ts keeps it; rebuild_drill_coverage() remakes it).';

ALTER TABLE guardbook.drill_coverage ENABLE ROW LEVEL SECURITY;
ALTER TABLE guardbook.drill_coverage FORCE ROW LEVEL SECURITY;
GRANT SELECT ON guardbook.drill_coverage TO guardbook_hq_viewer;
GRANT INSERT, UPDATE ON guardbook.drill_coverage TO guardbook_hq_admin;
CREATE POLICY hq_reads ON guardbook.drill_coverage FOR SELECT TO guardbook_hq_viewer USING (true);
CREATE POLICY admin_keeps ON guardbook.drill_coverage FOR INSERT TO guardbook_hq_admin WITH CHECK (true);
CREATE POLICY admin_moves_on ON guardbook.drill_coverage FOR UPDATE TO guardbook_hq_admin USING (true) WITH CHECK (true);

-- Takes every verified drill run (its latest check) into the table; a later drill replaces an earlier one, never the
-- other way round, so running it again or alongside ingest changes nothing that is right.
CREATE FUNCTION guardbook.rebuild_drill_coverage() RETURNS void
  LANGUAGE sql SET search_path = pg_catalog, pg_temp AS $$
  INSERT INTO guardbook.drill_coverage (branch_code, plan_id, record_id, started_at, ended_at)
  SELECT DISTINCT ON (r.branch_code, r.plan_id) r.branch_code, r.plan_id, r.record_id, r.started_at, r.ended_at
    FROM guardbook.received_records r
   WHERE r.kind = 'run' AND r.is_drill AND r.plan_id IS NOT NULL AND r.started_at IS NOT NULL
     AND (SELECT c.status FROM guardbook.record_checks c
           WHERE c.branch_code = r.branch_code AND c.kind = r.kind AND c.record_id = r.record_id
           ORDER BY c.checked_at DESC, c.check_id DESC LIMIT 1) = 'verified'
   ORDER BY r.branch_code, r.plan_id, r.started_at DESC
  ON CONFLICT (branch_code, plan_id) DO UPDATE
     SET record_id = excluded.record_id, started_at = excluded.started_at, ended_at = excluded.ended_at
   WHERE excluded.started_at > guardbook.drill_coverage.started_at
$$;
REVOKE ALL ON FUNCTION guardbook.rebuild_drill_coverage() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION guardbook.rebuild_drill_coverage() TO guardbook_hq_admin;
SELECT guardbook.rebuild_drill_coverage();
