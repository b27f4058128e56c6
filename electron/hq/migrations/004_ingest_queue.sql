-- 004: ingest verification's work list. Every record received is queued for its check (a trigger, in the same
-- transaction as the record); a verifier (electron/hq/ingest.ts) claims a batch with
--   DELETE … WHERE key IN (SELECT … FOR UPDATE SKIP LOCKED LIMIT n) RETURNING …
-- verifies it, appends the record_checks rows and commits, all in one transaction. So two verifiers at once never
-- take the same record (the second skips the rows the first has locked), a verifier that dies mid-batch gives its
-- batch back (its transaction rolls back), and finding the next records to check costs the size of the queue, not
-- of everything ever received (an anti-join of received_records with record_checks would read every record on every
-- pass). The queue is a work list, not evidence: what was received stays in received_records, what the check found
-- in record_checks, both append-only (003).

CREATE TABLE guardbook.ingest_queue (
  branch_code text NOT NULL,
  kind text NOT NULL,
  record_id text NOT NULL,
  queued_at timestamptz NOT NULL,
  PRIMARY KEY (branch_code, kind, record_id),
  FOREIGN KEY (branch_code, kind, record_id) REFERENCES guardbook.received_records
);
COMMENT ON TABLE guardbook.ingest_queue IS
  'Received records waiting for ingest verification: queued by a trigger, claimed and removed by the verifier.';
-- Oldest first.
CREATE INDEX ingest_queue_queued ON guardbook.ingest_queue (queued_at);

-- Queued with the record, by the owner (SECURITY DEFINER): branches have no privilege on the queue. One statement
-- for all the rows of a push (a transition table), not one per row.
CREATE FUNCTION guardbook.queue_for_check() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  INSERT INTO guardbook.ingest_queue (branch_code, kind, record_id, queued_at)
  SELECT branch_code, kind, record_id, received_at FROM received;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION guardbook.queue_for_check() IS 'Trigger: queues each record received for ingest verification.';
REVOKE ALL ON FUNCTION guardbook.queue_for_check() FROM PUBLIC;
CREATE TRIGGER queue_for_check AFTER INSERT ON guardbook.received_records
  REFERENCING NEW TABLE AS received
  FOR EACH STATEMENT EXECUTE FUNCTION guardbook.queue_for_check();

-- ── Who may touch it ───────────────────────────────────────────────────────────────────────────────────────────
-- Head office's viewers see how long it is; the administrator (who appends record_checks, 002) claims from it.
-- `FOR UPDATE` takes the UPDATE privilege on some column: granted on queued_at, and the policy below lets no row
-- be changed (WITH CHECK false), so it serves the row lock and nothing else.
GRANT SELECT ON guardbook.ingest_queue TO guardbook_hq_viewer;
GRANT DELETE, UPDATE (queued_at) ON guardbook.ingest_queue TO guardbook_hq_admin;

ALTER TABLE guardbook.ingest_queue ENABLE ROW LEVEL SECURITY;
ALTER TABLE guardbook.ingest_queue FORCE ROW LEVEL SECURITY;
CREATE POLICY hq_reads ON guardbook.ingest_queue FOR SELECT TO guardbook_hq_viewer USING (true);
CREATE POLICY admin_claims ON guardbook.ingest_queue FOR DELETE TO guardbook_hq_admin USING (true);
CREATE POLICY admin_locks ON guardbook.ingest_queue FOR UPDATE TO guardbook_hq_admin USING (true) WITH CHECK (false);
-- The owner, as the trigger, queues; and reads, for the backfill below.
CREATE POLICY definer_queues ON guardbook.ingest_queue FOR INSERT TO CURRENT_USER WITH CHECK (true);

-- Records received before this migration and not checked yet. FORCE (002) holds the owner to the policies of these
-- tables too, and none lets it read them: for this once, it may (the policies go again below).
CREATE POLICY backfill_reads ON guardbook.received_records FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY backfill_reads ON guardbook.record_checks FOR SELECT TO CURRENT_USER USING (true);
INSERT INTO guardbook.ingest_queue (branch_code, kind, record_id, queued_at)
SELECT r.branch_code, r.kind, r.record_id, r.received_at
  FROM guardbook.received_records r
 WHERE NOT EXISTS (SELECT FROM guardbook.record_checks c
                    WHERE (c.branch_code, c.kind, c.record_id) = (r.branch_code, r.kind, r.record_id));
DROP POLICY backfill_reads ON guardbook.received_records;
DROP POLICY backfill_reads ON guardbook.record_checks;
