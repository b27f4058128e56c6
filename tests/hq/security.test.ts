// Security in the database (issue 15, item 2), against a real PostgreSQL: two branches, A (region east) and B
// (region west), each on its own login role, and head office's viewer, publisher and administrator. Everything a
// branch tries here is hand-written SQL on its own connection, as an attacker at a branch PC could type it.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/json/canonicalJson';
import { addBranch, BranchEnrolmentError, branchRoleName, scramVerifier } from '../../electron/hq/branchRoles';
import { migrate } from '../../electron/hq/migrate';
import { keyIdOf } from '../../electron/journal/signingKey';
import { startPgCluster, type PgCluster } from '../support/pgCluster';

const DB = 'guardbook';
const A = 'branch-a';
const B = 'branch-b';
const APPEND_ONLY = [
  'received_records',
  'record_checks',
  'receipts',
  'register_heads',
  'conflicts',
  'plan_versions',
  'rectification_states',
];

let cluster: PgCluster;
let su: pg.Client;
const clients: pg.Client[] = [];
const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hqKey = generateKeyPairSync('ed25519');

interface Login {
  role: string;
  password: string;
}

/** A new Ed25519 key as a branch's seals carry it. */
function branchKey(): { publicKey: string; keyId: string } {
  const der = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' });
  const publicKey = der.toString('base64');
  return { publicKey, keyId: keyIdOf(publicKey) };
}

async function enrol(code: string, region: string, by: pg.Client = su): Promise<Login> {
  const password = randomBytes(18).toString('base64');
  await addBranch(by, { code, name: `Branch ${code}`, region, ...branchKey(), password });
  return { role: branchRoleName(code), password };
}

/** A head-office login, member of one of head office's group roles. */
async function headOfficeLogin(role: string, group: string, attributes = ''): Promise<Login> {
  const password = randomBytes(18).toString('base64');
  await su.query(
    `CREATE ROLE ${role} LOGIN ${attributes} PASSWORD ${pg.escapeLiteral(scramVerifier(password))} IN ROLE ${group}`,
  );
  return { role, password };
}

async function connect(login: Login): Promise<pg.Client> {
  const client = await cluster.connect(login.role, login.password, DB);
  clients.push(client);
  return client;
}

const INSERT_RECORD = `INSERT INTO guardbook.received_records
  (branch_code, kind, record_id, head_hash, seal, journal, plan_id, plan_version, started_at, is_drill)
  VALUES ($1, $2, $3, $4, $5, $6, 'robbery', 2, now(), true)`;

/** A record's columns as a branch sends them (the journal's content does not matter to the database). */
function recordRow(branchCode: string, recordId: string, kind = 'run'): unknown[] {
  const journal = Buffer.from(`{"seq":1,"type":"run.started","branch":"${branchCode}","id":"${recordId}"}\n`);
  const head = sha256Hex(journal);
  const seal = { head, signature: 'c2lnbmF0dXJl', publicKey: 'MCow…', keyId: '0123456789abcdef' };
  return [branchCode, kind, recordId, head, JSON.stringify(seal), journal];
}

type Scope = { kind: 'all' } | { kind: 'regions'; regions: string[] } | { kind: 'branches'; branches: string[] };

/** Publishes a signed plan version (a stand-in document: the database checks its hash and its name, not its steps). */
async function publish(
  client: pg.Client,
  planId: string,
  version: number,
  scope: Scope,
  key: KeyObject = hqKey.privateKey,
) {
  const contentText = canonicalJson({ id: planId, version, title: { 'zh-CN': planId, en: planId } });
  const contentHash = `sha256:${sha256Hex(contentText)}`;
  const signature = sign(null, Buffer.from(contentHash), key).toString('base64');
  const hqPublic = hqKey.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  await client.query(
    `INSERT INTO guardbook.plan_versions (plan_id, version, content, content_text, content_hash, signature, key_id,
       scope_kind, scope_regions, scope_branches, mandatory, effective_date)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, false, NULL)`,
    [
      planId,
      version,
      contentText,
      contentText,
      contentHash,
      signature,
      keyIdOf(hqPublic),
      scope.kind,
      scope.kind === 'regions' ? scope.regions : null,
      scope.kind === 'branches' ? scope.branches : null,
    ],
  );
}

const columnOf = async (client: pg.Client, sql: string, params: unknown[] = []) =>
  (await client.query(sql, params)).rows.map((row: Record<string, unknown>) => Object.values(row)[0]);

let branchA: pg.Client;
let branchB: pg.Client;
let viewer: pg.Client;
let publisher: pg.Client;
let admin: pg.Client;
let loginA: Login;
let enrollerLogin: Login;

beforeAll(async () => {
  cluster = await startPgCluster();
  await cluster.createDatabase(DB);
  su = await cluster.connect(cluster.superuser.user, cluster.superuser.password, DB);
  await migrate(su);
  loginA = await enrol(A, 'east');
  const loginB = await enrol(B, 'west');
  branchA = await connect(loginA);
  branchB = await connect(loginB);
  viewer = await connect(await headOfficeLogin('hq_viewer', 'guardbook_hq_viewer'));
  publisher = await connect(await headOfficeLogin('hq_publisher', 'guardbook_hq_publisher'));
  admin = await connect(await headOfficeLogin('hq_admin', 'guardbook_hq_admin'));
  // Enrolling makes a login role, which takes CREATEROLE: an attribute, not something a group role passes on.
  enrollerLogin = await headOfficeLogin('hq_enroller', 'guardbook_hq_admin', 'CREATEROLE');

  // Each branch pushes what it has, as the sync will.
  for (const [client, code] of [
    [branchA, A],
    [branchB, B],
  ] as const) {
    await client.query(INSERT_RECORD, recordRow(code, `${code}-run-1`));
    await client.query(INSERT_RECORD, recordRow(code, `${code}-insp-1`, 'inspection'));
    await client.query('INSERT INTO guardbook.register_heads (branch_code, seals, head) VALUES ($1, 2, $2)', [
      code,
      sha256Hex(`${code} register`),
    ]);
    await client.query(
      `INSERT INTO guardbook.conflicts (branch_code, kind, record_id, stored_hash, offered_hash)
       VALUES ($1, 'run', $2, $3, $4)`,
      [code, `${code}-run-1`, sha256Hex('stored'), sha256Hex('offered')],
    );
    await client.query(
      `INSERT INTO guardbook.rectification_states (branch_code, action_id, inspection_id, status, due, changed_at)
       VALUES ($1, $2, $3, 'open', '2027-01-31', now())`,
      [code, `${code}-act-1`, `${code}-insp-1`],
    );
  }
  await admin.query(
    "INSERT INTO guardbook.record_checks (branch_code, kind, record_id, status) VALUES ($1, 'run', $2, 'verified')",
    [A, `${A}-run-1`],
  );
  await publish(publisher, 'fire', 1, { kind: 'all' });
  await publish(publisher, 'robbery', 2, { kind: 'regions', regions: ['east'] });
  await publish(publisher, 'flood', 1, { kind: 'regions', regions: ['west', 'north'] });
  await publish(publisher, 'hostage', 1, { kind: 'branches', branches: [A] });
  await publish(publisher, 'bomb', 1, { kind: 'branches', branches: [B] });
}, 60_000);

afterAll(async () => {
  await Promise.all([...clients, su].filter(Boolean).map((c) => c.end().catch(() => undefined)));
  await cluster?.stop();
});

describe('a branch reads only its own rows', () => {
  it.each(['received_records', 'receipts', 'register_heads', 'conflicts', 'rectification_states'])(
    '%s: its own rows, none of B',
    async (table) => {
      const all = await columnOf(su, `SELECT branch_code FROM guardbook.${table}`);
      expect(all).toContain(B); // B's rows are there to be seen…

      const seenByA = await columnOf(branchA, `SELECT branch_code FROM guardbook.${table}`);
      expect(seenByA.length).toBeGreaterThan(0);
      expect(new Set(seenByA)).toEqual(new Set([A])); // …and A sees none of them
      expect(
        await columnOf(branchA, `SELECT count(*)::int FROM guardbook.${table} WHERE branch_code = $1`, [B]),
      ).toEqual([0]);
    },
  );

  it('sees its own row of branches and no other', async () => {
    expect(await columnOf(su, 'SELECT branch_code FROM guardbook.branches ORDER BY 1')).toEqual([A, B]);
    expect(await columnOf(branchA, 'SELECT branch_code FROM guardbook.branches')).toEqual([A]);
  });

  it('sees only the plan versions addressed to all, to its region, or to it', async () => {
    const plans = (client: pg.Client) => columnOf(client, 'SELECT plan_id FROM guardbook.plan_versions ORDER BY 1');
    expect(await plans(viewer)).toEqual(['bomb', 'fire', 'flood', 'hostage', 'robbery']);
    expect(await plans(branchA)).toEqual(['fire', 'hostage', 'robbery']);
    expect(await plans(branchB)).toEqual(['bomb', 'fire', 'flood']);
  });

  it("cannot read head office's own tables at all", async () => {
    await expect(branchA.query('SELECT * FROM guardbook.record_checks')).rejects.toThrow(/permission denied/);
    await expect(branchA.query('SELECT * FROM guardbook.schema_migrations')).rejects.toThrow(/permission denied/);
  });

  it('cannot turn row security off for its session', async () => {
    await branchA.query('SET row_security = off');
    try {
      await expect(branchA.query('SELECT * FROM guardbook.received_records')).rejects.toThrow(/row-level security/);
    } finally {
      await branchA.query('RESET row_security');
    }
  });
});

describe('a branch writes only rows of its own', () => {
  it('cannot insert a row with the branch code of another branch, into any table', async () => {
    await expect(branchA.query(INSERT_RECORD, recordRow(B, 'forged-1'))).rejects.toThrow(/row-level security/);
    await expect(
      branchA.query('INSERT INTO guardbook.register_heads (branch_code, seals, head) VALUES ($1, 9, $2)', [
        B,
        sha256Hex('x'),
      ]),
    ).rejects.toThrow(/row-level security/);
    await expect(
      branchA.query(
        `INSERT INTO guardbook.conflicts (branch_code, kind, record_id, stored_hash, offered_hash)
         VALUES ($1, 'run', 'x', $2, $3)`,
        [B, sha256Hex('a'), sha256Hex('b')],
      ),
    ).rejects.toThrow(/row-level security/);
    expect(
      await columnOf(su, "SELECT count(*)::int FROM guardbook.received_records WHERE record_id = 'forged-1'"),
    ).toEqual([0]);
  });

  it('cannot become B or head office: SET ROLE, SET SESSION AUTHORIZATION, set_config', async () => {
    await expect(branchA.query(`SET ROLE ${pg.escapeIdentifier(branchRoleName(B))}`)).rejects.toThrow(
      /permission denied/,
    );
    await expect(branchA.query('SET ROLE guardbook_hq_admin')).rejects.toThrow(/permission denied/);
    await expect(branchA.query(`SET SESSION AUTHORIZATION ${pg.escapeIdentifier(branchRoleName(B))}`)).rejects.toThrow(
      /permission denied/,
    );
    await expect(
      branchA.query("SELECT set_config('session_authorization', $1, false)", [branchRoleName(B)]),
    ).rejects.toThrow(/permission denied/);
    expect(await columnOf(branchA, 'SELECT guardbook.current_branch()')).toEqual([A]);
  });

  it('is still A after SET ROLE to the group role it belongs to', async () => {
    await branchA.query('SET ROLE guardbook_branch');
    try {
      expect(await columnOf(branchA, 'SELECT current_user')).toEqual(['guardbook_branch']);
      expect(await columnOf(branchA, 'SELECT guardbook.current_branch()')).toEqual([A]);
      await expect(branchA.query(INSERT_RECORD, recordRow(B, 'forged-2'))).rejects.toThrow(/row-level security/);
      expect(await columnOf(branchA, 'SELECT DISTINCT branch_code FROM guardbook.received_records')).toEqual([A]);
    } finally {
      await branchA.query('RESET ROLE');
    }
  });

  it('cannot replace or shadow current_branch(), nor switch off the policies or triggers', async () => {
    const impostor = "RETURNS text LANGUAGE sql AS $$ SELECT 'branch-b' $$";
    await expect(branchA.query(`CREATE OR REPLACE FUNCTION guardbook.current_branch() ${impostor}`)).rejects.toThrow(
      /permission denied|must be owner/,
    );
    await expect(branchA.query(`CREATE FUNCTION public.current_branch() ${impostor}`)).rejects.toThrow(
      /permission denied/,
    );
    await expect(branchA.query(`CREATE TEMP TABLE branches (branch_code text)`)).rejects.toThrow(/permission denied/);
    await expect(branchA.query('ALTER TABLE guardbook.received_records DISABLE ROW LEVEL SECURITY')).rejects.toThrow(
      /must be owner/,
    );
    await expect(branchA.query('ALTER TABLE guardbook.received_records DISABLE TRIGGER append_only')).rejects.toThrow(
      /must be owner/,
    );
    await expect(branchA.query('DROP POLICY branch_inserts_own ON guardbook.received_records')).rejects.toThrow(
      /must be owner/,
    );
    // A search_path of its choosing changes nothing: the policies name guardbook.current_branch() in full.
    await branchA.query('SET search_path = public, pg_temp, guardbook');
    try {
      await expect(branchA.query(INSERT_RECORD, recordRow(B, 'forged-3'))).rejects.toThrow(/row-level security/);
    } finally {
      await branchA.query('RESET search_path');
    }
  });

  it('can execute no function of the schema but current_branch()', async () => {
    const functions = await su.query<{ fn: string; a: boolean; viewer: boolean }>(
      `SELECT p.oid::regprocedure::text AS fn, has_function_privilege($1, p.oid, 'EXECUTE') AS a,
              has_function_privilege('hq_viewer', p.oid, 'EXECUTE') AS viewer
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'guardbook'`,
      [branchRoleName(A)],
    );
    expect(functions.rows.length).toBeGreaterThan(1);
    expect(functions.rows.filter((f) => f.a).map((f) => f.fn)).toEqual(['guardbook.current_branch()']);
    expect(functions.rows.filter((f) => f.viewer)).toEqual([]);
    await expect(branchA.query('SELECT guardbook.write_receipt()')).rejects.toThrow(/permission denied/);
  });

  it("cannot write a receipt, nor set received_at: both are head office's", async () => {
    const [branchCode, kind, recordId, head] = recordRow(A, `${A}-run-1`);
    await expect(
      branchA.query(
        'INSERT INTO guardbook.receipts (branch_code, kind, record_id, head_hash, received_at) VALUES ($1, $2, $3, $4, now())',
        [branchCode, kind, `${recordId}-x`, head],
      ),
    ).rejects.toThrow(/permission denied/);
    const backdated = `INSERT INTO guardbook.received_records (branch_code, kind, record_id, head_hash, seal, journal,
      received_at) VALUES ($1, $2, $3, $4, $5, $6, '2020-01-01')`;
    await expect(branchA.query(backdated, recordRow(A, 'backdated'))).rejects.toThrow(/permission denied/);
  });

  it('gets a receipt, written by head office, for each record it sent', async () => {
    const receipts = await branchA.query<{ record_id: string; head_hash: string; received_at: Date }>(
      'SELECT record_id, head_hash, received_at FROM guardbook.receipts ORDER BY record_id',
    );
    const records = await branchA.query<{ record_id: string; head_hash: string; received_at: Date }>(
      'SELECT record_id, head_hash, received_at FROM guardbook.received_records ORDER BY record_id',
    );
    expect(receipts.rows.length).toBeGreaterThanOrEqual(2);
    expect(receipts.rows).toEqual(records.rows);
  });

  it('once disabled, can neither send nor read', async () => {
    const login = await enrol('branch-c', 'east');
    const branchC = await connect(login);
    await branchC.query(INSERT_RECORD, recordRow('branch-c', 'before-disabled'));

    await admin.query("UPDATE guardbook.branches SET disabled_at = now() WHERE branch_code = 'branch-c'");

    await expect(branchC.query(INSERT_RECORD, recordRow('branch-c', 'after-disabled'))).rejects.toThrow(
      /row-level security/,
    );
    expect(await columnOf(branchC, 'SELECT count(*)::int FROM guardbook.received_records')).toEqual([0]);
    expect(await columnOf(branchC, 'SELECT count(*)::int FROM guardbook.plan_versions')).toEqual([0]);
    // Its record stays, and nothing but disabled_at may change on its row.
    expect(
      await columnOf(viewer, "SELECT record_id FROM guardbook.received_records WHERE branch_code = 'branch-c'"),
    ).toEqual(['before-disabled']);
    await expect(
      admin.query("UPDATE guardbook.branches SET region = 'west' WHERE branch_code = 'branch-c'"),
    ).rejects.toThrow(/permission denied/);
    await expect(
      su.query("UPDATE guardbook.branches SET region = 'west' WHERE branch_code = 'branch-c'"),
    ).rejects.toThrow(/only disabled_at may change/);
  });
});

describe('records are append-only', () => {
  const fingerprint = () =>
    columnOf(
      su,
      `SELECT string_agg(branch_code || kind || record_id || head_hash || md5(journal), ',' ORDER BY 1)
         FROM guardbook.received_records`,
    );

  it.each(['branch', 'viewer', 'publisher', 'admin'])(
    'refuses UPDATE, DELETE and TRUNCATE of received records to the %s',
    async (who) => {
      const client = { branch: branchA, viewer, publisher, admin }[who]!;
      const before = await fingerprint();
      for (const sql of [
        "UPDATE guardbook.received_records SET passed = true, head_hash = repeat('0', 64)",
        'DELETE FROM guardbook.received_records',
        'TRUNCATE guardbook.received_records CASCADE',
      ]) {
        await expect(client.query(sql), sql).rejects.toThrow(/permission denied|append-only/);
      }
      expect(await fingerprint()).toEqual(before);
    },
  );

  it('grants UPDATE, DELETE and TRUNCATE on records to no role', async () => {
    const roles = ['guardbook_branch', 'guardbook_hq_viewer', 'guardbook_hq_publisher', 'guardbook_hq_admin'];
    const granted = await su.query(
      `SELECT r.role, t.tbl, p.privilege FROM unnest($1::text[]) r(role), unnest($2::text[]) t(tbl),
              unnest(ARRAY['UPDATE', 'DELETE', 'TRUNCATE']) p(privilege)
        WHERE has_table_privilege(r.role, 'guardbook.' || t.tbl, p.privilege)`,
      [[...roles, branchRoleName(A), 'hq_admin', 'hq_enroller'], APPEND_ONLY],
    );
    expect(granted.rows).toEqual([]);
  });

  it.each(APPEND_ONLY)('the trigger refuses even the superuser: %s', async (table) => {
    const before = await columnOf(su, `SELECT count(*)::int FROM guardbook.${table}`);
    expect(before[0]).toBeGreaterThan(0);
    const column = table === 'plan_versions' ? 'plan_id' : 'branch_code';
    await expect(su.query(`UPDATE guardbook.${table} SET ${column} = ${column}`)).rejects.toThrow(/append-only/);
    await expect(su.query(`DELETE FROM guardbook.${table}`)).rejects.toThrow(/append-only/);
    await expect(su.query(`TRUNCATE guardbook.${table} CASCADE`)).rejects.toThrow(/append-only/);
    expect(await columnOf(su, `SELECT count(*)::int FROM guardbook.${table}`)).toEqual(before);
  });

  it("the superuser's trigger refuses the administrator even when granted UPDATE and DELETE by mistake", async () => {
    await su.query('GRANT UPDATE, DELETE ON guardbook.received_records TO guardbook_hq_admin');
    await su.query('CREATE POLICY mistaken ON guardbook.received_records FOR ALL TO guardbook_hq_admin USING (true)');
    try {
      await expect(admin.query('UPDATE guardbook.received_records SET passed = false')).rejects.toThrow(/append-only/);
      await expect(admin.query('DELETE FROM guardbook.received_records')).rejects.toThrow(/append-only/);
    } finally {
      await su.query('DROP POLICY mistaken ON guardbook.received_records');
      await su.query('REVOKE UPDATE, DELETE ON guardbook.received_records FROM guardbook_hq_admin');
    }
    expect(
      await columnOf(viewer, 'SELECT count(*)::int FROM guardbook.received_records WHERE passed IS NOT NULL'),
    ).toEqual([0]);
  });
});

describe("head office's roles", () => {
  it('publish plan versions: the publisher and the administrator, not the viewer', async () => {
    await publish(admin, 'fire', 2, { kind: 'all' });
    await expect(publish(viewer, 'fire', 3, { kind: 'all' })).rejects.toThrow(/permission denied/);
    await expect(publish(branchA, 'fire', 3, { kind: 'all' })).rejects.toThrow(/permission denied/);
    expect(
      await columnOf(
        viewer,
        "SELECT published_by FROM guardbook.plan_versions WHERE plan_id = 'fire' ORDER BY version",
      ),
    ).toEqual(['hq_publisher', 'hq_admin']);
  });

  it('a plan version whose text does not hash to its hash is refused, whoever publishes it', async () => {
    const contentText = canonicalJson({ id: 'fire', version: 9 });
    await expect(
      publisher.query(
        `INSERT INTO guardbook.plan_versions (plan_id, version, content, content_text, content_hash, signature, key_id,
           scope_kind, mandatory) VALUES ('fire', 9, $1, $2, $3, $4, '0123456789abcdef', 'all', false)`,
        [contentText, contentText, `sha256:${sha256Hex(contentText + ' ')}`, 'A'.repeat(86) + '=='],
      ),
    ).rejects.toThrow(/plan_versions_hash_is_of_text/);
  });

  it('record checks: the administrator appends them, the publisher cannot', async () => {
    const check =
      "INSERT INTO guardbook.record_checks (branch_code, kind, record_id, status, reason) VALUES ($1, 'run', $2, 'failed', 'chain broken at line 3')";
    await admin.query(check, [B, `${B}-run-1`]);
    await expect(publisher.query(check, [B, `${B}-run-1`])).rejects.toThrow(/permission denied/);
    expect(await columnOf(viewer, 'SELECT status FROM guardbook.record_checks WHERE branch_code = $1', [B])).toEqual([
      'failed',
    ]);
  });
});

describe('enrolling a branch', () => {
  it('an administrator login with CREATEROLE enrols one; it logs in with its password, stored as a SCRAM verifier', async () => {
    const enroller = await connect(enrollerLogin);
    const login = await enrol('branch-d', 'north', enroller);

    const branchD = await connect(login);

    expect(await columnOf(branchD, 'SELECT guardbook.current_branch()')).toEqual(['branch-d']);
    expect(await columnOf(branchD, 'SELECT plan_id FROM guardbook.plan_versions ORDER BY 1')).toEqual([
      'fire',
      'fire',
      'flood',
    ]);
    const [stored] = await columnOf(su, 'SELECT rolpassword FROM pg_authid WHERE rolname = $1', [login.role]);
    expect(stored).toMatch(/^SCRAM-SHA-256\$4096:/);
    expect(stored).not.toContain(login.password);
  });

  it('is refused whole: a key already enrolled leaves no login role behind', async () => {
    const [keyOfA] = await columnOf(su, 'SELECT public_key FROM guardbook.branches WHERE branch_code = $1', [A]);
    const refusal = addBranch(su, {
      code: 'branch-e',
      name: 'E',
      region: 'east',
      publicKey: keyOfA as string,
      keyId: keyIdOf(keyOfA as string),
      password: randomBytes(18).toString('base64'),
    });
    await expect(refusal).rejects.toThrow(BranchEnrolmentError);
    await expect(refusal).rejects.toThrow(/another branch's/);
    expect(
      await columnOf(su, 'SELECT count(*)::int FROM pg_roles WHERE rolname = $1', [branchRoleName('branch-e')]),
    ).toEqual([0]);
  });

  it('is refused to a head-office login without CREATEROLE', async () => {
    await expect(enrol('branch-f', 'east', admin)).rejects.toThrow(/CREATEROLE/);
  });
});
