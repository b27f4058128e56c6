// `npm start`: builds what is stale, then starts the Electron app; where the Electron runtime is missing
// and cannot be fetched, says so in one line and starts the browser edition instead.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildRendererIfStale } from './build/buildRenderer';
import { HOST_OUT_DIR, PROJECT_ROOT } from './build/projectPaths';
import { isStale } from './build/staleness';
import { ELECTRON_MISSING_REASON, findElectronRuntime, tryFetchElectronRuntime } from './electronRuntime';
import { parseWebArgs, startWebEdition, webUsage } from './web/main';
import { chooseDataDir, defaultDataDir } from './dataDir';

const FETCH_TIMEOUT_MS = 60_000;

async function launch(argv: readonly string[]): Promise<void> {
  const say = (line: string) => process.stderr.write(line + '\n');
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(webUsage() + '\n');
    return;
  }
  await buildRendererIfStale(say);
  let runtime = findElectronRuntime();
  if (!runtime && process.env.GUARDBOOK_NO_ELECTRON !== '1') {
    say('fetching the Electron runtime (first start)…');
    if (tryFetchElectronRuntime(FETCH_TIMEOUT_MS)) runtime = findElectronRuntime();
  }
  if (!runtime) {
    say(`Guardbook: ${ELECTRON_MISSING_REASON}; starting the browser edition instead.`);
    await startWebEdition({ ...browserOptions(argv, say), open: true });
    return;
  }
  const hostSources = ['electron', 'shared', 'package.json'].map((p) => join(PROJECT_ROOT, p));
  if (isStale(join(HOST_OUT_DIR, 'main.cjs'), hostSources)) {
    say('building the Electron host…');
    const { buildHost } = await import('./build/buildHost');
    await buildHost(HOST_OUT_DIR);
  }
  const child = spawn(runtime, [PROJECT_ROOT, ...argv], { stdio: 'inherit' });
  child.on('exit', (code) => {
    process.exitCode = code ?? 0;
  });
}

/**
 * The browser edition's options from what was meant for Electron. Switches it does not know (Chromium's, say) are
 * reported and left out rather than stopping the app: it starts anyway, on the same data folder.
 */
function browserOptions(argv: readonly string[], say: (line: string) => void): ReturnType<typeof parseWebArgs> {
  try {
    return parseWebArgs(argv);
  } catch (error) {
    say(
      `Guardbook: ${error instanceof Error ? error.message : String(error)}; starting with the data folder rule only.`,
    );
    const choice = chooseDataDir(argv, defaultDataDir());
    return choice.source === 'default' ? {} : { dataDir: choice.dir, dataDirSource: choice.source };
  }
}

launch(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`Guardbook could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
