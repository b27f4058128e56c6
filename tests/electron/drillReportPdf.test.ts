// A drill report's PDF in the desktop app: the host prints the report page in a hidden window of its own, and that
// window may read the exercise (a trainer's) only while it prints, as the trainer who asked — never before, never
// after, and a guard cannot ask at all.
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend';
import type { GrantSession, ReportPage } from '../../electron/backend/reportPage';
import { call, PINS, usersOfEachRole } from '../support/people';
import { TEST_PIN_HASH_COST } from '../support/pinHashCost';
import { tempDir } from '../support/runJournal';

const PLANS_DIR = fileURLToPath(new URL('../../plans/', import.meta.url));
const opened: Backend[] = [];
afterEach(async () => {
  for (const b of opened.splice(0)) await b.close();
});

describe('drills.reportPdf', () => {
  it('lets the printing window read the exercise as its trainer while it prints, and only then', async () => {
    const printWindow = { sessionId: 'ipc:9' };
    const seen: string[] = [];
    const app: { backend?: Backend } = {};
    const printer = async (page: ReportPage, grant?: GrantSession) => {
      const canRead = async () =>
        (
          await app.backend!.call(
            'drills.get',
            { exerciseId: (page as { exerciseId: string }).exerciseId },
            printWindow,
          )
        ).ok;
      seen.push(`before ${await canRead()}`);
      const release = grant?.(printWindow.sessionId);
      seen.push(`printing ${await canRead()}`);
      release?.();
      seen.push(`after ${await canRead()}`);
      return Buffer.from('%PDF-1.7');
    };
    const backend = await createBackend({
      dataDir: tempDir('guardbook-drill-pdf-'),
      plansDir: PLANS_DIR,
      host: 'electron',
      version: 'test',
      log: () => {},
      pinHashCost: TEST_PIN_HASH_COST,
      reportPdf: printer,
    });
    app.backend = backend;
    opened.push(backend);
    const admin = { sessionId: 'admin' };
    const users = await usersOfEachRole(backend, admin);
    const trainer = { sessionId: 'trainer' };
    const guard = { sessionId: 'guard' };
    await call(backend, 'session.unlock', { userId: users.trainer.id, pin: PINS.trainer }, trainer);
    await call(backend, 'session.unlock', { userId: users.guard.id, pin: PINS.guard }, guard);
    const exercise = await call<{ id: string }>(
      backend,
      'drills.plan',
      {
        spec: {
          title: '消防演练',
          planId: 'fire',
          planVersion: 1,
          scheduledAt: new Date().toISOString(),
          announced: true,
        },
      },
      trainer,
    );
    const pdf = await call<{ fileName: string; base64: string }>(
      backend,
      'drills.reportPdf',
      { exerciseId: exercise.id },
      trainer,
    );
    expect(pdf.fileName).toBe(`guardbook-drill-${exercise.id}.pdf`);
    expect(Buffer.from(pdf.base64, 'base64').toString()).toBe('%PDF-1.7');
    expect(seen).toEqual(['before false', 'printing true', 'after false']);
    const refused = await backend.call('drills.reportPdf', { exerciseId: exercise.id }, guard);
    expect(refused.ok ? 'ok' : refused.error.code).toBe('forbidden');
  });
});
