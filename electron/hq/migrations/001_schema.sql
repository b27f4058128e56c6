-- 001: head office's tables, in schema guardbook (the runner, electron/hq/migrate.ts, creates the schema with its
-- own table schema_migrations before the first migration). Who may do what is 002; append-only and receipts 003.
--
-- What a branch sends is kept verbatim (the journal bytes, the seal) and is the evidence; the summary columns beside
-- it are the branch's claims for querying, to be trusted only once a record check (ingest verification) says
-- `verified`. Checks here refuse what cannot be right whoever writes it: hashes that are not hashes, a key id that
-- is not its key's, a plan version whose text does not hash to its hash.

COMMENT ON SCHEMA guardbook IS
  'Guardbook head office: branches, signed plan versions out, sealed records in. Migrations: electron/hq/migrations.';

CREATE TABLE guardbook.branches (
  -- Slug-like, at most 32 characters (shared/limits.ts SLUG_PATTERN, BRANCH_CODE_MAX): the login role's name is
  -- derived from it (gb_branch_<code>, electron/hq/branchRoles.ts), one to one.
  branch_code text PRIMARY KEY
    CHECK (branch_code ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(branch_code) <= 32),
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 80),
  -- Plan versions are scoped to regions by this exact text.
  region text NOT NULL CHECK (region = btrim(region) AND length(region) BETWEEN 1 AND 64),
  -- The PostgreSQL role this branch logs in as; guardbook.current_branch() maps session_user back to the branch.
  login_role name NOT NULL UNIQUE,
  -- The branch's Ed25519 public key as its seals carry it (run.sealed.publicKey; electron/journal/signingKey.ts):
  -- base64 of the SPKI DER, whose first 12 bytes are the same for every Ed25519 key. One key, one branch: a seal
  -- must say which branch made it.
  public_key text NOT NULL UNIQUE CHECK (public_key ~ '^MCowBQYDK2VwAyEA[A-Za-z0-9+/]{43}=$'),
  -- keyIdOf(): the first 16 hex digits of SHA-256 of the DER; checked, so the id names this key and no other.
  key_id text NOT NULL CHECK (key_id = left(encode(sha256(decode(public_key, 'base64')), 'hex'), 16)),
  enrolled_at timestamptz NOT NULL DEFAULT now(),
  enrolled_by name NOT NULL DEFAULT session_user,
  -- A disabled branch keeps its rows (they are evidence) but can neither send nor read (current_branch() is null).
  disabled_at timestamptz,
  CONSTRAINT branches_disabled_after_enrolled CHECK (disabled_at >= enrolled_at)
);
COMMENT ON TABLE guardbook.branches IS 'Enrolled branches: each logs in as its own role and seals with its own key.';

CREATE TABLE guardbook.plan_versions (
  plan_id text NOT NULL CHECK (plan_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(plan_id) <= 64),
  version integer NOT NULL CHECK (version >= 1),
  -- The plan as JSON for queries; must be the very document content_text spells.
  content jsonb NOT NULL,
  -- The exact text hashed and signed: the plan's canonical JSON (shared/json/canonicalJson.ts, no $schema key).
  content_text text NOT NULL,
  -- planContentHash(): 'sha256:' and the hex SHA-256 of content_text's UTF-8 bytes.
  content_hash text NOT NULL,
  -- Base64 Ed25519 signature (64 bytes) by head office's key over the release statement (releaseStatement() of
  -- shared/hq/release.ts): plan id, version, content hash, scope, mandatory and effective date together, not the hash
  -- alone, so a row whose scope, flag or date was changed no longer verifies. PostgreSQL has no Ed25519: branches
  -- verify it against head office's pinned public key before offering the version (shared/hq/verifyRelease.ts).
  signature text NOT NULL CHECK (signature ~ '^[A-Za-z0-9+/]{86}==$'),
  -- Which head-office key signed (keyIdOf of its public key), so a key can be rotated.
  key_id text NOT NULL CHECK (key_id ~ '^[0-9a-f]{16}$'),
  scope_kind text NOT NULL CHECK (scope_kind IN ('all', 'regions', 'branches')),
  scope_regions text[],
  scope_branches text[],
  -- Mandatory: branches must adopt it by effective_date; advisory: offered, the branch manager decides.
  mandatory boolean NOT NULL,
  effective_date date,
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by name NOT NULL DEFAULT session_user,
  PRIMARY KEY (plan_id, version),
  CONSTRAINT plan_versions_hash_is_of_text
    CHECK (content_hash = 'sha256:' || encode(sha256(convert_to(content_text, 'UTF8')), 'hex')),
  CONSTRAINT plan_versions_content_is_text CHECK (content = content_text::jsonb),
  -- The signed document names itself: a signature over one plan cannot be replayed as another plan or version.
  CONSTRAINT plan_versions_names_itself
    CHECK (content ->> 'id' = plan_id AND content -> 'version' = to_jsonb(version)),
  -- Exactly the list the scope needs, never an empty one (an empty scope would silently reach nobody).
  CONSTRAINT plan_versions_scope CHECK (
    (scope_kind = 'all' AND scope_regions IS NULL AND scope_branches IS NULL)
    OR (scope_kind = 'regions' AND cardinality(scope_regions) > 0 AND scope_branches IS NULL)
    OR (scope_kind = 'branches' AND cardinality(scope_branches) > 0 AND scope_regions IS NULL)
  ),
  CONSTRAINT plan_versions_mandatory_has_date CHECK (NOT mandatory OR effective_date IS NOT NULL)
);
COMMENT ON TABLE guardbook.plan_versions IS
  'Plan versions published by head office, signed; each branch reads only those in its scope.';

CREATE TABLE guardbook.received_records (
  branch_code text NOT NULL REFERENCES guardbook.branches,
  -- run: an incident or drill run; exercise / evaluation: a tabletop exercise and its evaluation; inspection.
  kind text NOT NULL CHECK (kind IN ('run', 'exercise', 'evaluation', 'inspection')),
  -- The branch's own id, which names its journal file (shared/limits.ts RUN_ID_PATTERN).
  record_id text NOT NULL CHECK (record_id ~ '^[A-Za-z0-9-]{1,64}$'),
  -- The hash of the journal's last line, the seal line itself: it names the whole journal, seal included (what the
  -- branch's seal register holds).
  head_hash text NOT NULL CHECK (head_hash ~ '^[0-9a-f]{64}$'),
  -- The seal line's data ({head, signature, publicKey, keyId}): `head` is the line before it, which the signature
  -- covers. Ingest verification checks all of it against the journal (shared/hq/receivedRecord.ts).
  seal jsonb NOT NULL CHECK (seal ->> 'head' ~ '^[0-9a-f]{64}$'),
  -- The journal file byte for byte: what ingest verifies and what an auditor re-verifies. 16 MiB is far beyond
  -- any run (photos are separate files), and keeps one branch from filling head office's disk in one row.
  journal bytea NOT NULL CHECK (octet_length(journal) BETWEEN 1 AND 16777216),
  -- Summary for the dashboard, as the branch states it (see record_checks before trusting it).
  plan_id text,
  plan_version integer,
  plan_hash text,
  category text,
  is_drill boolean,
  started_at timestamptz,
  ended_at timestamptz,
  score numeric,
  passed boolean,
  -- Head office's clock, never the branch's (branches cannot write this column, 002).
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (branch_code, kind, record_id)
);
COMMENT ON TABLE guardbook.received_records IS
  'Sealed records as branches sent them, verbatim; append-only (003): never updated, never deleted.';
-- The dashboard's coverage matrix and a branch's history: per branch and plan, by time.
CREATE INDEX received_records_branch_plan_started ON guardbook.received_records (branch_code, plan_id, started_at);
-- Incidents by month, region and category; "not synced for N days" reads receipts instead.
CREATE INDEX received_records_started ON guardbook.received_records (started_at);

CREATE TABLE guardbook.record_checks (
  check_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  branch_code text NOT NULL,
  kind text NOT NULL,
  record_id text NOT NULL,
  status text NOT NULL CHECK (status IN ('verified', 'failed')),
  -- Why it failed (the first bad line, a seal by another key…); a failure always says why.
  reason text,
  checked_at timestamptz NOT NULL DEFAULT now(),
  checked_by name NOT NULL DEFAULT session_user,
  FOREIGN KEY (branch_code, kind, record_id) REFERENCES guardbook.received_records,
  CONSTRAINT record_checks_failure_says_why CHECK (status = 'verified' OR (reason IS NOT NULL AND btrim(reason) <> ''))
);
COMMENT ON TABLE guardbook.record_checks IS
  'Ingest verification results, appended: a failed record is flagged here, never dropped or rewritten; the latest check counts.';
CREATE INDEX record_checks_record ON guardbook.record_checks (branch_code, kind, record_id, checked_at);

CREATE TABLE guardbook.receipts (
  branch_code text NOT NULL,
  kind text NOT NULL,
  record_id text NOT NULL,
  head_hash text NOT NULL,
  received_at timestamptz NOT NULL,
  PRIMARY KEY (branch_code, kind, record_id),
  FOREIGN KEY (branch_code, kind, record_id) REFERENCES guardbook.received_records
);
COMMENT ON TABLE guardbook.receipts IS
  'The acknowledgement a branch reads back: written by a trigger on received_records (003), by no one else.';
-- "Branches that have not synced for N days": the latest receipt per branch.
CREATE INDEX receipts_branch_received ON guardbook.receipts (branch_code, received_at);

CREATE TABLE guardbook.register_heads (
  branch_code text NOT NULL REFERENCES guardbook.branches,
  -- How many seals the branch's seal register held, and its chain head then (64 zeros when empty).
  seals integer NOT NULL CHECK (seals >= 0),
  head text NOT NULL CHECK (head ~ '^[0-9a-f]{64}$'),
  seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (branch_code, seals, head)
);
COMMENT ON TABLE guardbook.register_heads IS
  'Every head of a branch''s seal register head office has seen: two heads at one count, or a count that went back, '
  'mean the register was rewritten or cut back at the branch.';

CREATE TABLE guardbook.conflicts (
  branch_code text NOT NULL REFERENCES guardbook.branches,
  kind text NOT NULL CHECK (kind IN ('run', 'exercise', 'evaluation', 'inspection')),
  record_id text NOT NULL,
  -- What head office holds, and the different head a later push offered for the same record id.
  stored_hash text NOT NULL CHECK (stored_hash ~ '^[0-9a-f]{64}$'),
  offered_hash text NOT NULL CHECK (offered_hash ~ '^[0-9a-f]{64}$' AND offered_hash <> stored_hash),
  seen_at timestamptz NOT NULL DEFAULT now(),
  -- One row per offered content, so a push retried after a lost answer does not add another.
  PRIMARY KEY (branch_code, kind, record_id, offered_hash)
);
COMMENT ON TABLE guardbook.conflicts IS
  'Same record id, different content: possible tampering, shown to head office and to the branch.';
