// A throwaway PostgreSQL cluster for the head-office tests: `initdb` in a fresh temp folder, password
// authentication (scram-sha-256) with a generated superuser password, loopback only on a port the OS picks, the
// unix socket inside the folder, no fsync (a test cluster is never recovered). As root the server runs as the
// unprivileged `postgres` user (PostgreSQL refuses to run as root); otherwise as the current user. `stop()` stops it
// at once and removes the folder; so does the test process exiting. Never skipped: without PostgreSQL it throws,
// saying how to install it.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  appendFileSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface PgCluster {
  host: string;
  port: number;
  superuser: { user: string; password: string };
  /** A connected client; `db` defaults to `postgres`. The caller ends it. */
  connect(user: string, password: string, db?: string): Promise<pg.Client>;
  createDatabase(name: string): Promise<void>;
  /** A connection URL for the CLI (`--database-url`). */
  url(user: string, password: string, db: string): string;
  /** Stops the server, keeping its data (head office down); `resume` starts it again on the same port. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const SUPERUSER = 'postgres';
/** The unprivileged account the server runs as when the tests run as root (the Debian package makes it). */
const SERVER_ACCOUNT = 'postgres';
const INSTALL = 'apt-get install -y postgresql';

/** The newest installed server's bin folder: /usr/lib/postgresql/<version>/bin (Debian), else `pg_config --bindir`. */
export function postgresBinDir(): string {
  const debian = '/usr/lib/postgresql';
  const versions = existsSync(debian)
    ? readdirSync(debian)
        .filter((v) => existsSync(join(debian, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return join(debian, versions[0], 'bin');
  const config = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const dir = config.status === 0 ? config.stdout.trim() : '';
  if (dir && existsSync(join(dir, 'initdb'))) return dir;
  throw new Error(`PostgreSQL is not installed (no initdb found); install it with: ${INSTALL}`);
}

/** How to run a server binary: through `runuser` to the unprivileged account when root, directly otherwise. */
function runnerPrefix(): { prefix: string[]; uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return { prefix: [] };
  const account = spawnSync('id', ['-u', SERVER_ACCOUNT], { encoding: 'utf8' });
  const group = spawnSync('id', ['-g', SERVER_ACCOUNT], { encoding: 'utf8' });
  if (account.status !== 0 || group.status !== 0) {
    throw new Error(
      `running as root, but there is no '${SERVER_ACCOUNT}' user to run PostgreSQL as; install it with: ${INSTALL}`,
    );
  }
  return {
    prefix: ['runuser', '-u', SERVER_ACCOUNT, '--'],
    uid: Number(account.stdout.trim()),
    gid: Number(group.stdout.trim()),
  };
}

function commandLine(prefix: string[], command: string, args: string[]): [string, ...string[]] {
  return [...prefix, command, ...args] as [string, ...string[]];
}

/** Runs a server binary to its end; rejects with its output when it fails. */
function runBinary(prefix: string[], command: string, args: string[], cwd: string): Promise<void> {
  const [file, ...rest] = commandLine(prefix, command, args);
  return new Promise((resolve, reject) => {
    // Output is kept for the error only: a cluster that starts prints nothing.
    const child = spawn(file, rest, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${output}`)),
    );
  });
}

/** A port no one listens on now (the OS picks it); the server takes it a moment later. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export async function startPgCluster(): Promise<PgCluster> {
  const bin = postgresBinDir();
  const { prefix, uid, gid } = runnerPrefix();
  const root = mkdtempSync(join(tmpdir(), 'guardbook-pg-'));
  const own = (path: string) => {
    if (uid !== undefined && gid !== undefined) chownSync(path, uid, gid);
  };
  own(root);
  const dataDir = join(root, 'data');
  const socketDir = join(root, 'socket');
  mkdirSync(socketDir, { mode: 0o700 });
  own(socketDir);
  const password = randomBytes(24).toString('base64url');
  const passwordFile = join(root, 'superuser-password');
  writeFileSync(passwordFile, password + '\n', { mode: 0o600 });
  own(passwordFile);

  let running = false;
  const stopNow = () => {
    if (running) {
      const [file, ...args] = commandLine(prefix, join(bin, 'pg_ctl'), ['stop', '-D', dataDir, '-m', 'immediate']);
      spawnSync(file, args, { cwd: root, stdio: 'ignore' });
      running = false;
    }
    rmSync(root, { recursive: true, force: true });
  };
  // A test process that ends without stop() (a failed beforeAll, an interrupted run) leaves no server behind.
  process.once('exit', stopNow);

  try {
    await runBinary(
      prefix,
      join(bin, 'initdb'),
      [
        '-D',
        dataDir,
        '--username',
        SUPERUSER,
        '--auth=scram-sha-256',
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--locale=C',
        '--no-sync', // a throwaway cluster: nothing to keep across a power cut
      ],
      root,
    );
    rmSync(passwordFile); // initdb has stored its SCRAM verifier; the clear text lives on in memory only
    appendFileSync(
      join(dataDir, 'postgresql.conf'),
      [
        '',
        '# Set by tests/support/pgCluster.ts: loopback only, socket in the temp folder, speed over durability.',
        `listen_addresses = '${HOST}'`,
        `unix_socket_directories = '${socketDir}'`,
        'fsync = off',
        'synchronous_commit = off',
        'full_page_writes = off',
        'shared_buffers = 32MB',
        '',
      ].join('\n'),
    );
    const port = await startServer(prefix, bin, dataDir, root);
    running = true;
    const pgCtl = (args: string[]) => runBinary(prefix, join(bin, 'pg_ctl'), args, root);
    return clusterAt(port, password, {
      stop: () => {
        process.removeListener('exit', stopNow);
        stopNow();
      },
      pause: async () => {
        await pgCtl(['stop', '-w', '-D', dataDir, '-m', 'fast']);
        running = false;
      },
      resume: async () => {
        await pgCtl(['start', '-w', '-t', '30', '-D', dataDir, '-l', join(root, 'server.log'), '-o', `-p ${port}`]);
        running = true;
      },
    });
  } catch (error) {
    process.removeListener('exit', stopNow);
    stopNow();
    throw error;
  }
}

/** Starts the server on a free port; tries another if the chosen one was taken in the meantime. */
async function startServer(prefix: string[], bin: string, dataDir: string, root: string): Promise<number> {
  const log = join(root, 'server.log');
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      await runBinary(
        prefix,
        join(bin, 'pg_ctl'),
        ['start', '-w', '-t', '30', '-D', dataDir, '-l', log, '-o', `-p ${port}`],
        root,
      );
      return port;
    } catch (error) {
      const serverLog = existsSync(log) ? readFileSync(log, 'utf8') : '';
      if (attempt < 3 && /could not bind|address already in use/i.test(serverLog)) continue;
      throw new Error(`${(error as Error).message}\nserver log:\n${serverLog}`, { cause: error });
    }
  }
}

function clusterAt(
  port: number,
  password: string,
  control: { stop: () => void; pause: () => Promise<void>; resume: () => Promise<void> },
): PgCluster {
  const connect = async (user: string, userPassword: string, db = 'postgres') => {
    const client = new pg.Client({ host: HOST, port, user, password: userPassword, database: db });
    // stop() ends the server under clients a test left open: their 'error' event must not be an uncaught
    // exception. Errors of queries still reject the queries' promises.
    client.on('error', () => {});
    await client.connect();
    return client;
  };
  return {
    host: HOST,
    port,
    superuser: { user: SUPERUSER, password },
    connect,
    async createDatabase(name) {
      const admin = await connect(SUPERUSER, password);
      try {
        await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      } finally {
        await admin.end();
      }
    },
    url: (user, userPassword, db) =>
      `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(userPassword)}@${HOST}:${port}/${encodeURIComponent(db)}`,
    pause: control.pause,
    resume: control.resume,
    stop: async () => control.stop(),
  };
}
