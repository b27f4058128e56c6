// The browser edition: `npm run start:web [-- --port N --data-dir DIR --open]`. Prints one line with the URL to open.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBackend } from '../backend/backend';
import { buildRendererIfStale } from '../build/buildRenderer';
import { PLANS_DIR, PROJECT_ROOT, RENDERER_OUT_DIR } from '../build/projectPaths';
import { parseStrict } from '../cli/args';
import { UsageError } from '../cli/io';
import { dataDirFrom, defaultDataDir, type DataDirSource } from '../dataDir';
import { tmpdir } from 'node:os';
import { openInBrowser } from './openInBrowser';
import { startWebHost, type WebHost } from './webHost';

export interface WebEditionOptions {
  port?: number;
  dataDir?: string;
  /** Where `dataDir` came from (shown on every screen when it is not the default). */
  dataDirSource?: DataDirSource;
  open?: boolean;
}

export async function startWebEdition(options: WebEditionOptions = {}): Promise<WebHost> {
  await buildRendererIfStale((line) => process.stderr.write(line + '\n'));
  const version = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const dataDir = options.dataDir ?? defaultDataDir();
  const backend = await createBackend({
    dataDir,
    dataDirSource: options.dataDir ? (options.dataDirSource ?? 'argument') : 'default',
    plansDir: PLANS_DIR,
    host: 'web',
    version,
  });
  const host = await startWebHost({ backend, rendererDir: RENDERER_OUT_DIR, port: options.port ?? 0 });
  process.stdout.write(startLine(host, dataDir, Boolean(process.stdout.isTTY)) + '\n');
  if (options.open) openInBrowser(host.url);
  // Close open journals (releasing their locks) and write the history index before leaving.
  const stop = () =>
    void host
      .close()
      .then(() => backend.close())
      .finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return host;
}

export const URL_FILE_NAME = 'browser-edition.url';

/**
 * The line printed at start. A person at a terminal gets the address to open, token included. When the output
 * goes elsewhere (a log file, a service manager), the token stays out of it: the full address is written to a
 * file in the data folder that only this user can read.
 */
export function startLine(host: Pick<WebHost, 'url' | 'port'>, dataDir: string, toTerminal: boolean): string {
  if (toTerminal) return `Guardbook 浏览器版 / browser edition: ${host.url}`;
  let file = join(dataDir, URL_FILE_NAME);
  try {
    writeFileSync(file, host.url + '\n', { mode: 0o600 });
  } catch {
    // A data folder that cannot be written (the app still starts, unrecorded): the address goes to a temp file.
    file = join(tmpdir(), `guardbook-${process.pid}-${URL_FILE_NAME}`);
    writeFileSync(file, host.url + '\n', { mode: 0o600 });
  }
  chmodSync(file, 0o600); // an older file keeps its mode through writeFileSync
  return `Guardbook 浏览器版 / browser edition: http://127.0.0.1:${host.port}/ (地址与令牌见 / address with token in ${file})`;
}

/** `npm run start:web -- --help`. */
export function webUsage(): string {
  return `usage: npm run start:web -- [--port N] [--data-dir DIR] [--open]
  --port N          the port on 127.0.0.1 (0 to 65535; default: any free one)
  --data-dir DIR    the data folder: --data-dir, else GUARDBOOK_DATA_DIR, else the app's (${defaultDataDir()})
  --open            open the address in the default browser
  --help, -h        this text`;
}

const WEB_OPTIONS = {
  port: { type: 'string' },
  'data-dir': { type: 'string' },
  open: { type: 'boolean' },
} as const;

/**
 * The browser edition's options, parsed as the CLI's are (strict: anything else is a UsageError), the data
 * folder by the one rule. `help` when `--help` or `-h` was given.
 */
export function parseWebArgs(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): WebEditionOptions & { help?: true } {
  const parsed = parseStrict(WEB_OPTIONS, argv);
  if (parsed === 'help') return { help: true };
  const { values, positionals } = parsed;
  if (positionals.length > 0) throw new UsageError(`unexpected argument: ${positionals[0]}`);
  const options: WebEditionOptions = {};
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (values.port.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port takes a number from 0 to 65535`);
    options.port = port;
  }
  if (values['data-dir'] === '') throw new UsageError('--data-dir needs a folder');
  const choice = dataDirFrom(values['data-dir'], defaultDataDir(env), env);
  if (choice.source !== 'default') {
    options.dataDir = choice.dir;
    options.dataDirSource = choice.source;
  }
  if (values.open) options.open = true;
  return options;
}

const isEntry = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isEntry) {
  try {
    const { help, ...options } = parseWebArgs(process.argv.slice(2));
    if (help) process.stdout.write(webUsage() + '\n');
    else await startWebEdition(options);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n${webUsage()}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`Guardbook could not start: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
  }
}
