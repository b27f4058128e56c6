-- 002: who may do what, enforced by PostgreSQL itself, so that hand-written SQL on a branch's own connection gets
-- no further than the app: a branch writes only rows of its own, reads only its own rows and the plan versions in
-- its scope, and changes or removes nothing. Layers, each enough on its own where it can be:
--   1. privileges: nothing for PUBLIC; each group role gets only the commands (and columns) it needs;
--   2. row-level security, enabled and FORCED (the table owner too) on every table with branch data;
--   3. triggers (003) that refuse UPDATE, DELETE and TRUNCATE of records whoever asks, even the owner.
-- A branch is recognised by session_user, which SET ROLE does not change and only a superuser can.

-- Group roles: nobody logs in as them. Roles are cluster-wide, so another database on the same server may have
-- made them already.
DO $$
DECLARE
  group_role text;
BEGIN
  FOREACH group_role IN ARRAY ARRAY['guardbook_branch', 'guardbook_hq_viewer', 'guardbook_hq_publisher',
                                    'guardbook_hq_admin'] LOOP
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = group_role) THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN', group_role);
    END IF;
  END LOOP;
END $$;

-- Head office's roles nest: a publisher can do what a viewer can, an administrator what a publisher can.
GRANT guardbook_hq_viewer TO guardbook_hq_publisher;
GRANT guardbook_hq_publisher TO guardbook_hq_admin;

-- Nothing for PUBLIC: not the database (connect, temporary tables, which could shadow names), not the schema,
-- not its tables, sequences or functions (PostgreSQL lets PUBLIC execute new functions unless told otherwise).
DO $$
BEGIN
  EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO guardbook_branch, guardbook_hq_viewer', current_database());
END $$;
REVOKE ALL ON SCHEMA guardbook FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA guardbook FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA guardbook FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA guardbook FROM PUBLIC;
-- For functions later migrations make (a per-schema default cannot take away a global grant to PUBLIC).
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
GRANT USAGE ON SCHEMA guardbook TO guardbook_branch, guardbook_hq_viewer;

-- The branch the session belongs to: the enabled branch whose login role is session_user, else null (so a
-- disabled branch, and anyone else, matches no row). SECURITY DEFINER to read branches; search_path pinned so
-- nobody's objects are found before the catalog's.
CREATE FUNCTION guardbook.current_branch() RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
  SELECT b.branch_code FROM guardbook.branches b WHERE b.login_role = session_user AND b.disabled_at IS NULL
$$;
COMMENT ON FUNCTION guardbook.current_branch() IS 'The branch of session_user (its login role), null if none or disabled.';
REVOKE ALL ON FUNCTION guardbook.current_branch() FROM PUBLIC;
-- Policies run their expressions as the querying user, so branches need to call it; nobody else does.
GRANT EXECUTE ON FUNCTION guardbook.current_branch() TO guardbook_branch;

-- ── Privileges ─────────────────────────────────────────────────────────────────────────────────────────────────
-- Head office reads everything (rows limited by nothing but the policies below).
GRANT SELECT ON ALL TABLES IN SCHEMA guardbook TO guardbook_hq_viewer;
-- Publishers publish plan versions; when and by whom is the database's to say (defaults), not theirs.
GRANT INSERT (plan_id, version, content, content_text, content_hash, signature, key_id, scope_kind, scope_regions,
              scope_branches, mandatory, effective_date)
  ON guardbook.plan_versions TO guardbook_hq_publisher;
-- Administrators enrol and disable branches (enrolling also needs CREATEROLE for the login role, which a group role
-- cannot pass on: see electron/hq/branchRoles.ts) and record ingest verification.
GRANT INSERT (branch_code, name, region, login_role, public_key, key_id) ON guardbook.branches TO guardbook_hq_admin;
GRANT UPDATE (disabled_at) ON guardbook.branches TO guardbook_hq_admin;
GRANT INSERT (branch_code, kind, record_id, status, reason) ON guardbook.record_checks TO guardbook_hq_admin;
-- Branches: their own row of branches (to know their region), the plan versions in scope, and what they push.
-- received_at, seen_at and receipts are head office's to write.
GRANT SELECT ON guardbook.branches, guardbook.plan_versions TO guardbook_branch;
GRANT SELECT, INSERT (branch_code, kind, record_id, head_hash, seal, journal, plan_id, plan_version, plan_hash,
                      category, is_drill, started_at, ended_at, score, passed)
  ON guardbook.received_records TO guardbook_branch;
GRANT SELECT ON guardbook.receipts TO guardbook_branch;
GRANT SELECT, INSERT (branch_code, seals, head) ON guardbook.register_heads TO guardbook_branch;
GRANT SELECT, INSERT (branch_code, kind, record_id, stored_hash, offered_hash) ON guardbook.conflicts TO guardbook_branch;
-- No UPDATE, DELETE, TRUNCATE, REFERENCES or TRIGGER for anyone on the records: see 003 for the owner too.

-- ── Row-level security ─────────────────────────────────────────────────────────────────────────────────────────
-- FORCE: the owner is held to the policies too (superusers and BYPASSRLS roles are not: keep those out of apps).
-- Policies name group roles, so they cover every member; a command no policy allows sees or writes no row.
-- `(SELECT guardbook.current_branch())` is evaluated once per statement, not once per row.
ALTER TABLE guardbook.branches ENABLE ROW LEVEL SECURITY;
ALTER TABLE guardbook.branches FORCE ROW LEVEL SECURITY;
ALTER TABLE guardbook.plan_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE guardbook.plan_versions FORCE ROW LEVEL SECURITY;
ALTER TABLE guardbook.received_records ENABLE ROW LEVEL SECURITY;
ALTER TABLE guardbook.received_records FORCE ROW LEVEL SECURITY;
ALTER TABLE guardbook.record_checks ENABLE ROW LEVEL SECURITY;
ALTER TABLE guardbook.record_checks FORCE ROW LEVEL SECURITY;
ALTER TABLE guardbook.receipts ENABLE ROW LEVEL SECURITY;
ALTER TABLE guardbook.receipts FORCE ROW LEVEL SECURITY;
ALTER TABLE guardbook.register_heads ENABLE ROW LEVEL SECURITY;
ALTER TABLE guardbook.register_heads FORCE ROW LEVEL SECURITY;
ALTER TABLE guardbook.conflicts ENABLE ROW LEVEL SECURITY;
ALTER TABLE guardbook.conflicts FORCE ROW LEVEL SECURITY;

-- Head office sees every row of every table.
CREATE POLICY hq_reads ON guardbook.branches FOR SELECT TO guardbook_hq_viewer USING (true);
CREATE POLICY hq_reads ON guardbook.plan_versions FOR SELECT TO guardbook_hq_viewer USING (true);
CREATE POLICY hq_reads ON guardbook.received_records FOR SELECT TO guardbook_hq_viewer USING (true);
CREATE POLICY hq_reads ON guardbook.record_checks FOR SELECT TO guardbook_hq_viewer USING (true);
CREATE POLICY hq_reads ON guardbook.receipts FOR SELECT TO guardbook_hq_viewer USING (true);
CREATE POLICY hq_reads ON guardbook.register_heads FOR SELECT TO guardbook_hq_viewer USING (true);
CREATE POLICY hq_reads ON guardbook.conflicts FOR SELECT TO guardbook_hq_viewer USING (true);

CREATE POLICY publisher_publishes ON guardbook.plan_versions FOR INSERT TO guardbook_hq_publisher WITH CHECK (true);
CREATE POLICY admin_enrols ON guardbook.branches FOR INSERT TO guardbook_hq_admin WITH CHECK (true);
CREATE POLICY admin_disables ON guardbook.branches FOR UPDATE TO guardbook_hq_admin USING (true) WITH CHECK (true);
CREATE POLICY admin_checks ON guardbook.record_checks FOR INSERT TO guardbook_hq_admin WITH CHECK (true);

-- A branch sees its own row of branches only (by login role: even a disabled one may see that it is).
CREATE POLICY branch_own_row ON guardbook.branches FOR SELECT TO guardbook_branch USING (login_role = session_user);
-- current_branch() runs as this migration's role (the owner), which FORCE holds to policies too: it may read.
CREATE POLICY definer_reads ON guardbook.branches FOR SELECT TO CURRENT_USER USING (true);

-- A branch reads the plan versions addressed to all, to its region, or to it by code; an unknown or disabled
-- branch none. Its region comes from its own row of branches, the one row the policy above lets it read.
CREATE POLICY branch_in_scope ON guardbook.plan_versions FOR SELECT TO guardbook_branch USING (
  (SELECT guardbook.current_branch()) IS NOT NULL
  AND (
    scope_kind = 'all'
    OR (scope_kind = 'regions' AND scope_regions @> ARRAY[(
          SELECT b.region FROM guardbook.branches b WHERE b.branch_code = (SELECT guardbook.current_branch()))])
    OR (scope_kind = 'branches' AND scope_branches @> ARRAY[(SELECT guardbook.current_branch())])
  )
);

-- What a branch pushes carries its own code, or is refused; it reads back only its own rows.
CREATE POLICY branch_inserts_own ON guardbook.received_records FOR INSERT TO guardbook_branch
  WITH CHECK (branch_code = (SELECT guardbook.current_branch()));
CREATE POLICY branch_reads_own ON guardbook.received_records FOR SELECT TO guardbook_branch
  USING (branch_code = (SELECT guardbook.current_branch()));
CREATE POLICY branch_reads_own ON guardbook.receipts FOR SELECT TO guardbook_branch
  USING (branch_code = (SELECT guardbook.current_branch()));
CREATE POLICY branch_inserts_own ON guardbook.register_heads FOR INSERT TO guardbook_branch
  WITH CHECK (branch_code = (SELECT guardbook.current_branch()));
CREATE POLICY branch_reads_own ON guardbook.register_heads FOR SELECT TO guardbook_branch
  USING (branch_code = (SELECT guardbook.current_branch()));
CREATE POLICY branch_inserts_own ON guardbook.conflicts FOR INSERT TO guardbook_branch
  WITH CHECK (branch_code = (SELECT guardbook.current_branch()));
-- A conflict is reported to both sides: the branch may read its own.
CREATE POLICY branch_reads_own ON guardbook.conflicts FOR SELECT TO guardbook_branch
  USING (branch_code = (SELECT guardbook.current_branch()));
