-- 006: a head of a branch's seal register may be seen again, later. A register cut back to exactly a head head office
-- saw before (a folder restored from an old copy, a register file truncated at an earlier line) presents a head that
-- is not new; with (branch, seals, head) as the key, that sighting was dropped and the cut went unnoticed until the
-- branch sealed again. Every change a branch reports is now a row of its own, ordered by when head office saw it, so
-- a lower count seen after a higher one is visible at once (electron/hq/status.ts).
ALTER TABLE guardbook.register_heads DROP CONSTRAINT register_heads_pkey;
ALTER TABLE guardbook.register_heads ADD COLUMN witness_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;
CREATE INDEX register_heads_branch_seen ON guardbook.register_heads (branch_code, seen_at, witness_id);
