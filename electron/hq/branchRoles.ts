// Enrolling a branch at head office: its own PostgreSQL login role (gb_branch_<code>), a member of guardbook_branch,
// and its row in guardbook.branches with the public key its seals carry — in one transaction, so a refused row
// leaves no role behind. Whoever enrols needs CREATEROLE (a role attribute, which membership of guardbook_hq_admin
// cannot pass on) and guardbook_hq_admin (to insert the row).
//
// The password never reaches the server in clear: the SCRAM-SHA-256 verifier is computed here, as psql's
// \password does, so it cannot end up in the server's log or in pg_stat_statements.
import { createHash, createHmac, createPublicKey, pbkdf2Sync, randomBytes, type KeyObject } from 'node:crypto';
import pg from 'pg';
import { BRANCH_CODE_MAX, BRANCH_NAME_MAX, SLUG_PATTERN } from '../../shared/limits';
import { HQ_MESSAGES } from '../../shared/messages/hq';
import { inBothLanguages, type Text } from '../../shared/text';
import { keyIdOf } from '../journal/signingKey';

export const BRANCH_ROLE_PREFIX = 'gb_branch_';
/** Enough for a generated secret (openssl rand -base64 32 gives 44); a branch PC keeps it, nobody types it. */
export const BRANCH_PASSWORD_MIN = 16;
export const REGION_MAX = 64;
/** A branch PC syncs over one connection at a time; a few spare, and no branch can take all of head office's. */
const BRANCH_CONNECTION_LIMIT = 4;
/** PostgreSQL's own default (scram_iterations). */
const SCRAM_ITERATIONS = 4096;

export interface NewBranch {
  code: string;
  name: string;
  region: string;
  /** Base64 SPKI DER, as the branch's seals carry it (electron/journal/signingKey.ts). */
  publicKey: string;
  keyId: string;
  password: string;
}

export interface Branch {
  code: string;
  name: string;
  region: string;
  loginRole: string;
  publicKey: string;
  keyId: string;
  enrolledAt: Date;
  enrolledBy: string;
  disabledAt: Date | null;
}

/** Enrolment refused, before or by the database; nothing was changed. */
export class BranchEnrolmentError extends Error {
  constructor(
    readonly text: Text,
    options?: ErrorOptions,
  ) {
    super(inBothLanguages(text), options);
    this.name = 'BranchEnrolmentError';
  }
}

/** The login role of a branch: one per code, and the code's characters are all a role name may hold. */
export function branchRoleName(code: string): string {
  return `${BRANCH_ROLE_PREFIX}${code}`;
}

/**
 * An Ed25519 public key, from a PEM file or the branch's `installation-ed25519.pub.der.b64`, as base64 SPKI DER.
 * Anything else (another key type, a private key, garbage) is refused.
 */
export function ed25519PublicKeyFrom(textOfFile: string): string {
  const trimmed = textOfFile.trim();
  let key: KeyObject;
  try {
    key = trimmed.startsWith('-----BEGIN')
      ? createPublicKey(trimmed)
      : createPublicKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'spki' });
  } catch (error) {
    throw new BranchEnrolmentError(HQ_MESSAGES.badPublicKey((error as Error).message), { cause: error });
  }
  if (key.type !== 'public' || key.asymmetricKeyType !== 'ed25519') {
    throw new BranchEnrolmentError(HQ_MESSAGES.badPublicKey(`${key.type} ${key.asymmetricKeyType ?? ''}`.trim()));
  }
  return (key.export({ format: 'der', type: 'spki' }) as Buffer).toString('base64');
}

/** PostgreSQL's stored form of a SCRAM-SHA-256 password (RFC 5802, RFC 7677), as libpq's PQencryptPasswordConn. */
export function scramVerifier(password: string, salt = randomBytes(16)): string {
  const salted = pbkdf2Sync(password, salt, SCRAM_ITERATIONS, 32, 'sha256');
  const hmac = (key: Buffer, message: string) => createHmac('sha256', key).update(message).digest();
  const storedKey = createHash('sha256').update(hmac(salted, 'Client Key')).digest();
  const serverKey = hmac(salted, 'Server Key');
  return `SCRAM-SHA-256$${SCRAM_ITERATIONS}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

function checkNewBranch(branch: NewBranch): void {
  if (!SLUG_PATTERN.test(branch.code) || branch.code.length > BRANCH_CODE_MAX) {
    throw new BranchEnrolmentError(HQ_MESSAGES.badBranchCode(branch.code, BRANCH_CODE_MAX));
  }
  const name = branch.name.trim();
  if (name === '' || name.length > BRANCH_NAME_MAX) {
    throw new BranchEnrolmentError(HQ_MESSAGES.badBranchField('name', BRANCH_NAME_MAX));
  }
  const region = branch.region.trim();
  if (region === '' || region.length > REGION_MAX) {
    throw new BranchEnrolmentError(HQ_MESSAGES.badBranchField('region', REGION_MAX));
  }
  // Printable ASCII only: other characters are normalised differently by different clients (SASLprep), and a
  // branch that cannot log in finds out only when it first syncs.
  if (branch.password.length < BRANCH_PASSWORD_MIN || !/^[\x20-\x7e]+$/.test(branch.password)) {
    throw new BranchEnrolmentError(HQ_MESSAGES.weakPassword(BRANCH_PASSWORD_MIN));
  }
  const publicKey = ed25519PublicKeyFrom(branch.publicKey);
  if (publicKey !== branch.publicKey) throw new BranchEnrolmentError(HQ_MESSAGES.badPublicKey('not base64 SPKI DER'));
  if (keyIdOf(publicKey) !== branch.keyId) {
    throw new BranchEnrolmentError(HQ_MESSAGES.keyIdMismatch(branch.keyId, keyIdOf(publicKey)));
  }
}

/** Creates the branch's login role and its row, in one transaction; refused whole if either cannot be made. */
export async function addBranch(client: pg.ClientBase, branch: NewBranch): Promise<Branch> {
  checkNewBranch(branch);
  const role = branchRoleName(branch.code);
  const ident = pg.escapeIdentifier(role);
  await client.query('BEGIN');
  try {
    // INHERIT (the default) so that the role has guardbook_branch's privileges without SET ROLE.
    await client.query(`CREATE ROLE ${ident} LOGIN INHERIT CONNECTION LIMIT ${BRANCH_CONNECTION_LIMIT}`);
    await client.query(`ALTER ROLE ${ident} PASSWORD ${pg.escapeLiteral(scramVerifier(branch.password))}`);
    await client.query(`GRANT guardbook_branch TO ${ident}`);
    // Set on the role, not sent by the branch at connect time: a pooler in transaction mode (pgbouncer) refuses
    // startup parameters such as statement_timeout, and a branch must never hold head office's locks for long.
    await client.query(`ALTER ROLE ${ident} SET statement_timeout = '15s'`);
    const inserted = await client.query<BranchRow>(
      `INSERT INTO guardbook.branches (branch_code, name, region, login_role, public_key, key_id)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${BRANCH_COLUMNS}`,
      [branch.code, branch.name.trim(), branch.region.trim(), role, branch.publicKey, branch.keyId],
    );
    await client.query('COMMIT');
    return branchOf(inserted.rows[0]!);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw refusalOf(error, branch, role);
  }
}

/** Every enrolled branch, by code (disabled ones too: their records stay). */
export async function listBranches(client: pg.ClientBase): Promise<Branch[]> {
  const rows = await client.query<BranchRow>(`SELECT ${BRANCH_COLUMNS} FROM guardbook.branches ORDER BY branch_code`);
  return rows.rows.map(branchOf);
}

const BRANCH_COLUMNS =
  'branch_code, name, region, login_role, public_key, key_id, enrolled_at, enrolled_by, disabled_at';

interface BranchRow {
  branch_code: string;
  name: string;
  region: string;
  login_role: string;
  public_key: string;
  key_id: string;
  enrolled_at: Date;
  enrolled_by: string;
  disabled_at: Date | null;
}

function branchOf(row: BranchRow): Branch {
  return {
    code: row.branch_code,
    name: row.name,
    region: row.region,
    loginRole: row.login_role,
    publicKey: row.public_key,
    keyId: row.key_id,
    enrolledAt: row.enrolled_at,
    enrolledBy: row.enrolled_by,
    disabledAt: row.disabled_at,
  };
}

/** The database's refusal in words; anything else (a lost connection) as it is. */
function refusalOf(error: unknown, { code, keyId }: NewBranch, role: string): unknown {
  if (!(error instanceof pg.DatabaseError)) return error;
  if (error.code === '42710') return new BranchEnrolmentError(HQ_MESSAGES.branchRoleExists(role), { cause: error });
  if (error.code === '23505') {
    const text =
      error.constraint === 'branches_public_key_key' ? HQ_MESSAGES.keyInUse(keyId) : HQ_MESSAGES.branchExists(code);
    return new BranchEnrolmentError(text, { cause: error });
  }
  if (error.code === '42501') return new BranchEnrolmentError(HQ_MESSAGES.cannotEnrol(error.message), { cause: error });
  return new BranchEnrolmentError(HQ_MESSAGES.databaseRefused(error.message), { cause: error });
}
