// The head-office console's connection to head office's PostgreSQL: its own login (a member of guardbook_hq_viewer,
// never a branch's), set by an administrator in settings (`headOfficeConsole`), its password kept apart from settings
// exactly as the branch's is (electron/sync/credentials.ts, in its own file), TLS as the branch's link requires it
// (verify-full; `disable` for a loopback address only). A small pool, made again when the settings change.
import pg from 'pg';
import type { KeyProtector } from '../journal/signingKey';
import { HeadOfficeCredentials } from '../sync/credentials';
import { clientConfig, type HeadOfficeConnection } from '../sync/headOfficeLink';

/** The console's password file under `<data>/keys/` (the branch's login keeps `hq-password`). */
export const CONSOLE_PASSWORD_FILE = 'hq-console-password';

export function loadConsoleCredentials(dataDir: string, protector?: KeyProtector): Promise<HeadOfficeCredentials> {
  return HeadOfficeCredentials.load(dataDir, protector, CONSOLE_PASSWORD_FILE);
}

/** Where the console connects, for messages: never the password. */
export const whereOf = (c: HeadOfficeConnection) => `${c.user}@${c.host}:${c.port}/${c.database}`;

/** Dashboard requests are a few queries each; two connections let a page's requests overlap without queueing. */
const POOL_SIZE = 2;
/** An idle console holds no connection at head office for long. */
const IDLE_MS = 30_000;

export class ConsoleConnection {
  private pool: { key: string; pool: pg.Pool } | undefined;

  constructor(private readonly connection: () => HeadOfficeConnection | undefined) {}

  configured(): boolean {
    return this.connection() !== undefined;
  }

  /** user@host:port/database of the current connection, for messages. */
  where(): string | undefined {
    const connection = this.connection();
    return connection && whereOf(connection);
  }

  /** Runs `work` on a pooled client of the current connection (check `configured()` first: it throws otherwise). */
  async use<T>(work: (client: pg.ClientBase) => Promise<T>): Promise<T> {
    const connection = this.connection();
    if (!connection) throw new Error('the head-office console is not configured');
    const pool = this.poolFor(connection);
    const client = await pool.connect();
    try {
      return await work(client);
    } finally {
      client.release();
    }
  }

  close(): void {
    void this.pool?.pool.end().catch(() => undefined);
    this.pool = undefined;
  }

  private poolFor(connection: HeadOfficeConnection): pg.Pool {
    const key = JSON.stringify(connection);
    if (this.pool?.key === key) return this.pool.pool;
    this.close(); // settings changed: the old login's connections go
    const pool = new pg.Pool({
      ...clientConfig(connection),
      application_name: 'guardbook-hq-console',
      max: POOL_SIZE,
      idleTimeoutMillis: IDLE_MS,
    });
    // An idle connection that drops must not become an uncaught error in the app's main process.
    pool.on('error', () => {});
    // The dashboard's queries are many small index probes, which JIT compilation only slows (65 ms a call in
    // npm run bench -- hq); queued before anything else the new connection runs.
    pool.on('connect', (client) => void client.query('SET jit = off').catch(() => undefined));
    this.pool = { key, pool };
    return pool;
  }
}
