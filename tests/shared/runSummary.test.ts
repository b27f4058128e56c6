// The history line made from the journal's events alone must say what a full replay through the plan's machine
// says: walked runs of every bundled plan, ended, aborted, signed off and sealed, compared field by field.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { simulateRun } from '../../electron/cli/runsCommands';
import { readJournal } from '../../electron/journal/journalFile';
import type { JournalEvent } from '../../shared/journal/format';
import { pick } from '../../shared/plan/labels';
import { summariseRun, type RunRecord } from '../../shared/records/runSummary';
import { replayRun } from '../../shared/run/runState';
import { bundledPlanFiles, loadBundledPlan } from '../support/bundledPlans';

const dataDir = mkdtempSync(join(tmpdir(), 'guardbook-summary-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The fields as the run's replayed state gives them (what the history showed before it stopped replaying). */
function fromReplay(events: readonly JournalEvent[]): Partial<RunRecord> {
  const { state } = replayRun(events);
  const endedAt = state.outcome?.at;
  return {
    runId: state.runId,
    planId: state.planRef.id,
    planVersion: state.planRef.version,
    planHash: state.planRef.contentHash,
    planTitle: { 'zh-CN': pick(state.plan.title, 'zh-CN'), en: pick(state.plan.title, 'en') },
    category: state.plan.category,
    mode: state.mode,
    startedAt: state.startedAt,
    ...(endedAt
      ? { endedAt, durationSeconds: Math.round((Date.parse(endedAt) - Date.parse(state.startedAt)) / 1000) }
      : {}),
    ...(state.outcome ? { outcome: state.outcome.outcome } : {}),
    status: state.status,
    operator: state.operator,
    participants: [...new Set(state.events.map((e) => e.by).filter((by): by is string => !!by && by !== 'system'))],
    overdueCount: state.overdue.length,
    notes: state.notes.map((n) => n.text).join('\n'),
    events: state.events.length,
  };
}

describe('summariseRun', () => {
  const plans = bundledPlanFiles().map((file) => loadBundledPlan(file).id);

  it.each(plans)('says what a replay says, at every length of a walked %s run', async (planId) => {
    for (const seed of [1, 2]) {
      const { path } = await simulateRun({ planId, dataDir, mode: seed === 2 ? 'incident' : 'drill', seed });
      const { events } = await readJournal(path);
      // Every prefix: active, ended, signed off and sealed runs alike.
      for (let n = 1; n <= events.length; n++) {
        const prefix = events.slice(0, n);
        const summary = summariseRun(prefix, { integrity: 'not-sealed' });
        expect(summary, `${planId} seed ${seed}, ${n} events`).toEqual({
          ...fromReplay(prefix),
          integrity: 'not-sealed',
        });
      }
    }
    expect(readdirSync(join(dataDir, 'runs')).length).toBeGreaterThan(0);
  });

  it('refuses events that do not start with run.started', () => {
    expect(() => summariseRun([], { integrity: 'damaged' })).toThrow(/run\.started/);
  });
});
