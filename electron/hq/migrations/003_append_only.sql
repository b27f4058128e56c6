-- 003: records are kept as received. Nobody is granted UPDATE or DELETE on them (002); these triggers refuse
-- UPDATE, DELETE and TRUNCATE even to whoever holds the privilege anyway: the table owner, a role granted it by
-- mistake, a superuser at the prompt. Only disabling the trigger gets past it, which takes the owner (the
-- migration role, never an app's) and shows in the catalog. Statement-level, so they refuse before any row is
-- looked at, whether or not a row would match.
--
-- And the receipts: a branch learns that head office has its record from a receipt, which head office writes
-- itself when the record arrives; a branch cannot write one.

CREATE FUNCTION guardbook.refuse_change() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RAISE EXCEPTION 'guardbook.% 只能追加，不可修改或删除（已拒绝 %）/ % refused: guardbook.% is append-only; '
                  'what head office received is never changed or removed', TG_TABLE_NAME, TG_OP, TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'A correction is a new row (a record check, a new plan version), never a change to an old one.';
END
$$;
COMMENT ON FUNCTION guardbook.refuse_change() IS 'Trigger: refuses UPDATE, DELETE and TRUNCATE of append-only tables.';

CREATE TRIGGER append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON guardbook.received_records
  FOR EACH STATEMENT EXECUTE FUNCTION guardbook.refuse_change();
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON guardbook.record_checks
  FOR EACH STATEMENT EXECUTE FUNCTION guardbook.refuse_change();
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON guardbook.receipts
  FOR EACH STATEMENT EXECUTE FUNCTION guardbook.refuse_change();
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON guardbook.register_heads
  FOR EACH STATEMENT EXECUTE FUNCTION guardbook.refuse_change();
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON guardbook.conflicts
  FOR EACH STATEMENT EXECUTE FUNCTION guardbook.refuse_change();
-- A published version is never edited: a change is the next version.
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON guardbook.plan_versions
  FOR EACH STATEMENT EXECUTE FUNCTION guardbook.refuse_change();
-- A branch is disabled, never removed: its records keep naming it.
CREATE TRIGGER append_only BEFORE DELETE OR TRUNCATE ON guardbook.branches
  FOR EACH STATEMENT EXECUTE FUNCTION guardbook.refuse_change();

-- Of a branch's row only disabled_at may change; its code, role and key are what its records were checked against.
CREATE FUNCTION guardbook.refuse_branch_rewrite() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF (to_jsonb(NEW) - 'disabled_at') IS DISTINCT FROM (to_jsonb(OLD) - 'disabled_at') THEN
    RAISE EXCEPTION '拒绝修改网点 %：只能停用 / branch % refused: only disabled_at may change', OLD.branch_code,
                    OLD.branch_code
      USING ERRCODE = 'insufficient_privilege',
            HINT = 'Enrol a new branch code for a new key or role; the old one stays as it was.';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER only_disable BEFORE UPDATE ON guardbook.branches
  FOR EACH ROW EXECUTE FUNCTION guardbook.refuse_branch_rewrite();

-- The receipt, written as the record is: SECURITY DEFINER (the owner) because branches have no INSERT on receipts.
-- received_at is head office's clock (the column's default, which branches cannot override).
CREATE FUNCTION guardbook.write_receipt() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  INSERT INTO guardbook.receipts (branch_code, kind, record_id, head_hash, received_at)
  VALUES (NEW.branch_code, NEW.kind, NEW.record_id, NEW.head_hash, NEW.received_at);
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION guardbook.write_receipt() IS 'Trigger: the receipt for each record received.';
CREATE TRIGGER receipt AFTER INSERT ON guardbook.received_records
  FOR EACH ROW EXECUTE FUNCTION guardbook.write_receipt();
-- FORCE (002) holds the owner to the policies too: the owner, as the trigger, may insert receipts.
CREATE POLICY definer_writes ON guardbook.receipts FOR INSERT TO CURRENT_USER WITH CHECK (true);

-- Triggers fire without EXECUTE; nobody calls these directly.
REVOKE ALL ON FUNCTION guardbook.refuse_change(), guardbook.refuse_branch_rewrite(), guardbook.write_receipt()
  FROM PUBLIC;
