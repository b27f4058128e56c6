// Backends for backend tests, each on a real temp data folder; every backend is closed and every folder removed
// after each test. Also the refusal a call is expected to meet.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createBackend, type Backend, type BackendOptions } from '../../electron/backend/backend';
import { PLANS_DIR } from '../../electron/build/projectPaths';
import type { ApiErrorBody, ApiResult } from '../../shared/api/errors';
import { TEST_PIN_HASH_COST } from './pinHashCost';

/** Call at the top of a test file: registers the clean-up after each test. */
export function backendFixtures(prefix: string) {
  const dirs: string[] = [];
  const backends: Backend[] = [];
  afterEach(async () => {
    for (const backend of backends.splice(0)) await backend.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return {
    tempDir(namePrefix = prefix): string {
      const dir = mkdtempSync(join(tmpdir(), namePrefix));
      dirs.push(dir);
      return dir;
    },
    async start(dataDir: string, options: Partial<BackendOptions> = {}): Promise<Backend> {
      const backend = await createBackend({
        dataDir,
        plansDir: PLANS_DIR,
        host: 'web',
        version: 'test',
        pinHashCost: TEST_PIN_HASH_COST,
        log: () => {},
        ...options,
      });
      backends.push(backend);
      return backend;
    },
    /** Closes a backend before the test ends (a restart in the middle of a test). */
    async stop(backend: Backend): Promise<void> {
      backends.splice(backends.indexOf(backend), 1);
      await backend.close();
    },
  };
}

/** The error a call was refused with; fails the test when it was not refused. */
export function refusal(result: ApiResult<unknown>): ApiErrorBody {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}
