// `npm test`'s first step: the system packages the tests need beyond node_modules. Missing ones are installed with
// apt-get where that needs no password (root, or sudo without one); otherwise it stops at once with the one command
// to run. Nothing is run (not even `apt-get update`) when everything is there already.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

interface Need {
  /** The Debian package that provides it. */
  apt: string;
  why: string;
  present(): boolean;
}

/** An executable `name` on the PATH, or at `name` when it is a path. */
function executable(name: string): boolean {
  const candidates = name.includes('/')
    ? [name]
    : (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, name));
  return candidates.some((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

function hasCjkFont(): boolean {
  if (!executable('fc-list')) return false;
  const fonts = spawnSync('fc-list', [':lang=zh-cn', 'family'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return fonts.status === 0 && /noto sans cjk/i.test(fonts.stdout);
}

const NEEDS: Need[] = [
  {
    apt: 'chromium',
    why: 'the browser Playwright drives (a downloaded one cannot be had here; playwright.config.ts)',
    // GUARDBOOK_CHROMIUM names another browser (checked below); then it is the user's to provide.
    present: () => executable(process.env.GUARDBOOK_CHROMIUM ?? '/usr/bin/chromium'),
  },
  {
    apt: 'fontconfig',
    why: 'fc-list, which tells whether the CJK fonts are there',
    present: () => executable('fc-list'),
  },
  {
    apt: 'fonts-noto-cjk',
    why: 'Chinese text in screenshots and printed reports, instead of boxes',
    present: hasCjkFont,
  },
  {
    apt: 'poppler-utils',
    why: "pdftoppm renders the printed report's first page in tests/e2e/records.spec.ts",
    present: () => executable('/usr/bin/pdftoppm'),
  },
  {
    apt: 'postgresql',
    why: "initdb and the server: head office's tests start a throwaway cluster (tests/support/pgCluster.ts)",
    // Debian keeps the server's binaries off the PATH, one folder per major version.
    present: () =>
      existsSync('/usr/lib/postgresql') &&
      readdirSync('/usr/lib/postgresql').some((version) => executable(`/usr/lib/postgresql/${version}/bin/initdb`)),
  },
];

/** How apt-get can be run without a password: directly as root, through `sudo -n`, or not at all. */
function aptRunner(): string[] | undefined {
  if (!executable('apt-get')) return undefined;
  if (process.getuid?.() === 0) return [];
  // sudo resets the environment: DEBIAN_FRONTEND goes through `env`.
  if (executable('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0)
    return ['sudo', '-n', 'env', 'DEBIAN_FRONTEND=noninteractive'];
  return undefined;
}

function run(prefix: string[], args: string[]): void {
  const [command, ...rest] = [...prefix, ...args] as [string, ...string[]];
  process.stdout.write(`provision: ${[command, ...rest].join(' ')}\n`);
  // No standard input (CI has none; apt must never wait for an answer); its output goes straight to the terminal.
  const result = spawnSync(command, rest, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) {
    process.stderr.write(
      `provision: \`${[command, ...rest].join(' ')}\` failed (${result.status ?? result.signal}).\n`,
    );
    process.exit(1);
  }
}

const chosen = process.env.GUARDBOOK_CHROMIUM;
if (chosen !== undefined && !executable(chosen)) {
  process.stderr.write(`GUARDBOOK_CHROMIUM names ${chosen}, which is not an executable file: fix it or unset it.\n`);
  process.exit(1);
}
const missing = NEEDS.filter((need) => !need.present());
if (missing.length > 0) {
  const packages = missing.map((need) => need.apt);
  const lines = missing.map((need) => `  - ${need.apt}: ${need.why}`).join('\n');
  const runner = aptRunner();
  if (!runner) {
    const command = `sudo apt-get install -y ${packages.join(' ')}`;
    process.stderr.write(
      `The tests need system packages that are missing:\n${lines}\n` +
        (executable('apt-get')
          ? `Installing them needs a password. Run this once, then \`npm test\` again:\n\n  ${command}\n\n`
          : `There is no apt-get here: install the equivalents with this system's package manager, then run \`npm test\` again.\n`),
    );
    process.exit(1);
  }
  process.stdout.write(`provision: installing what the tests need:\n${lines}\n`);
  run(runner, ['apt-get', 'update', '-qq']);
  run(runner, ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...packages]);
  const still = missing.filter((need) => !need.present());
  if (still.length > 0) {
    process.stderr.write(`provision: installed, yet still missing: ${still.map((need) => need.apt).join(', ')}.\n`);
    process.exit(1);
  }
}
