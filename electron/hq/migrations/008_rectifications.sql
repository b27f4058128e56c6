-- 008: where each inspection rectification (整改) stands at its branch. A sealed inspection says which rectifications
-- were ordered; whether they were fixed and checked is in the branch's action tracker, which is not a sealed record.
-- Each branch reports every change of status (open, fixed awaiting its check, done, dropped), appended, so head
-- office's dashboard can count the open and overdue ones and the history of each stays as it was reported.
CREATE TABLE guardbook.rectification_states (
  branch_code text NOT NULL REFERENCES guardbook.branches,
  action_id text NOT NULL CHECK (action_id ~ '^[A-Za-z0-9-]{1,64}$'),
  inspection_id text NOT NULL CHECK (inspection_id ~ '^[A-Za-z0-9-]{1,64}$'),
  item_id text,
  status text NOT NULL CHECK (status IN ('open', 'in-progress', 'fixed', 'done', 'dropped')),
  -- The branch-local day it is due by.
  due date,
  -- When the branch's action log says the status became this (the branch's clock); seen_at is head office's.
  changed_at timestamptz NOT NULL,
  seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (branch_code, action_id, status, changed_at)
);
COMMENT ON TABLE guardbook.rectification_states IS
  'Each status a branch reported for an inspection rectification, appended; the latest by changed_at counts.';
CREATE INDEX rectification_states_latest ON guardbook.rectification_states (branch_code, action_id, changed_at DESC);

ALTER TABLE guardbook.rectification_states ENABLE ROW LEVEL SECURITY;
ALTER TABLE guardbook.rectification_states FORCE ROW LEVEL SECURITY;
GRANT SELECT ON guardbook.rectification_states TO guardbook_hq_viewer;
GRANT SELECT, INSERT (branch_code, action_id, inspection_id, item_id, status, due, changed_at)
  ON guardbook.rectification_states TO guardbook_branch;
CREATE POLICY hq_reads ON guardbook.rectification_states FOR SELECT TO guardbook_hq_viewer USING (true);
CREATE POLICY branch_inserts_own ON guardbook.rectification_states FOR INSERT TO guardbook_branch
  WITH CHECK (branch_code = guardbook.current_branch());
CREATE POLICY branch_reads_own ON guardbook.rectification_states FOR SELECT TO guardbook_branch
  USING (branch_code = guardbook.current_branch());
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON guardbook.rectification_states
  FOR EACH STATEMENT EXECUTE FUNCTION guardbook.refuse_change();
