// Who did what, and the incident close-out, through the backend on real temp folders: the guard on duty as the
// actor of every tap, the close-out journaled before the seal (corrected, refused when it may not be written),
// sign-off with a PIN (verified; a wrong PIN writes nothing) or a typed name (unverified), and both in the CSV
// and JSON exports.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import type { Caller } from '../../shared/api/dispatch';
import type { JournalEvent } from '../../shared/journal/format';
import { CSV_BOM, NOT_RECORDED } from '../../shared/records/csvExport';
import type { RunExport } from '../../shared/records/jsonExport';
import { localHhmmOf, localTimeOnDay, type CloseOut } from '../../shared/run/closeOut';
import { replayRun } from '../../shared/run/runState';
import type { RunView } from '../../shared/run/runView';
import { backendFixtures, refusal } from '../support/backends';
import { call, PINS, usersOfEachRole } from '../support/people';

const { tempDir, start } = backendFixtures('guardbook-closeout-');
const ADMIN: Caller = { sessionId: 'web:admin' };
/** The runner's window: locked, as a guard at the PC usually leaves it. */
const KIOSK: Caller = { sessionId: 'web:kiosk' };

async function backendWithGuardOnDuty(): Promise<{ backend: Backend; guard: { id: string; name: string } }> {
  const backend = await start(tempDir());
  const people = await usersOfEachRole(backend, ADMIN);
  await call(backend, 'session.setOnDuty', { userId: people.guard.id }, KIOSK);
  return { backend, guard: people.guard };
}

const command = (backend: Backend, runId: string, cmd: unknown, caller = KIOSK) =>
  backend.call('runs.command', { runId, command: cmd }, caller);

/** An incident that ended (aborted after one step), as the kiosk window would run it. */
async function endedIncident(backend: Backend): Promise<RunView> {
  const run = await call<RunView>(backend, 'runs.start', { planId: 'armed-robbery', mode: 'incident' }, KIOSK);
  await call(
    backend,
    'runs.command',
    { runId: run.runId, command: { type: 'complete', step: run.active[0]!.step } },
    KIOSK,
  );
  return call<RunView>(
    backend,
    'runs.command',
    { runId: run.runId, command: { type: 'abort', reason: '嫌疑人已离开' } },
    KIOSK,
  );
}

/** A close-out whose times are the run's start minute (never before the start, never in the future). */
function closeOutFor(view: RunView, receiptNo = 'JJ-0815'): CloseOut {
  const at = localTimeOnDay(localHhmmOf(view.startedAt), view.startedAt)!;
  return {
    losses: { none: false, text: '现金被抢', amountYuan: 52000 },
    casualties: { none: false, injured: 1, dead: 0, text: '柜员轻伤' },
    police: { none: false, calledAt: at, arrivedAt: at, receiptNo, text: '民警到场' },
    reports: { none: false, entries: [{ to: '分行保卫部', at, how: '电话' }] },
    followUp: { none: true },
  };
}

function journalLines(backend: Backend, runId: string): JournalEvent[] {
  return readFileSync(backend.runs.journalPath(runId), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as JournalEvent);
}

/** RFC 4180 with CRLF rows, as csvExport writes it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const next = text[i + 1];
    if (quoted && c === '"' && next === '"') {
      cell += '"';
      i++;
    } else if (quoted && c === '"') {
      quoted = false;
    } else if (quoted) {
      cell += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && next === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

describe('who did what', () => {
  it('records the guard on duty as the actor of every tap, with the window locked', async () => {
    const { backend, guard } = await backendWithGuardOnDuty();
    expect(backend.sessions.roleOf(KIOSK)).toBeNull();
    const view = await endedIncident(backend);
    const taps = view.timeline.filter((e) => ['step.completed', 'run.aborted'].includes(e.type));
    expect(taps).toHaveLength(2);
    for (const e of taps) expect(e.by).toBe(guard.name);
    expect(view.operator).toBe(guard.name);
  });

  it('leaves `by` empty when nobody is on duty and the window is locked, and the CSV says so', async () => {
    const backend = await start(tempDir());
    const run = await call<RunView>(backend, 'runs.start', { planId: 'fire', mode: 'drill' }, KIOSK);
    const done = await call<RunView>(
      backend,
      'runs.command',
      { runId: run.runId, command: { type: 'abort', reason: '演练结束' } },
      KIOSK,
    );
    expect(done.timeline.find((e) => e.type === 'run.aborted')!.by).toBeNull();
    await call(backend, 'users.setup', { name: '管理员', pin: PINS.admin }, ADMIN);
    const csv = await call<{ content: string }>(backend, 'records.export', { runId: run.runId, format: 'csv' }, ADMIN);
    const rows = parseCsv(csv.content.slice(CSV_BOM.length));
    const byColumn = rows[0]!.indexOf('操作人 by');
    expect(rows.find((r) => r[4] === 'run.aborted')![byColumn]).toBe(NOT_RECORDED);
  });
});

describe('the incident close-out', () => {
  it('is written after the end and before sign-off, may be corrected, and the last one counts', async () => {
    const { backend, guard } = await backendWithGuardOnDuty();
    const run = await call<RunView>(backend, 'runs.start', { planId: 'armed-robbery', mode: 'incident' }, KIOSK);
    // Not while the incident is still going on.
    expect(
      refusal(await command(backend, run.runId, { type: 'closeOut', closeOut: closeOutFor(run) })).message.en,
    ).toBe('The run has not ended yet: fill in the close-out once it has');
    const ended = await endedIncident(backend);
    // Sign-off of a live incident asks for the close-out first.
    const early = refusal(await command(backend, ended.runId, { type: 'signOff', name: guard.name }));
    expect(early.message['zh-CN']).toContain('请先填写事件后续情况');
    const first = await call<RunView>(
      backend,
      'runs.command',
      { runId: ended.runId, command: { type: 'closeOut', closeOut: closeOutFor(ended, 'FIRST') } },
      KIOSK,
    );
    expect(first.closeOut).toMatchObject({ police: { receiptNo: 'FIRST' }, by: guard.name });
    const second = await call<RunView>(
      backend,
      'runs.command',
      { runId: ended.runId, command: { type: 'closeOut', closeOut: closeOutFor(ended, 'SECOND') } },
      KIOSK,
    );
    expect(second.closeOut).toMatchObject({ ...closeOutFor(ended, 'SECOND'), by: guard.name });
    const written = journalLines(backend, ended.runId).filter((e) => e.type === 'incident.closedOut');
    expect(written.map((e) => (e.data as { police: { receiptNo: string } }).police.receiptNo)).toEqual([
      'FIRST',
      'SECOND',
    ]);
    const signed = await call<RunView>(
      backend,
      'runs.command',
      { runId: ended.runId, command: { type: 'signOff', name: guard.name } },
      KIOSK,
    );
    expect(signed.status).toBe('sealed');
    // Once sealed, nothing more.
    const lines = journalLines(backend, ended.runId).length;
    expect(
      refusal(await command(backend, ended.runId, { type: 'closeOut', closeOut: closeOutFor(ended) })).message.en,
    ).toBe('The record is sealed and cannot change');
    expect(journalLines(backend, ended.runId)).toHaveLength(lines);
  });

  it('refuses times in the future or before the start, and a close-out for a drill, writing nothing', async () => {
    const { backend } = await backendWithGuardOnDuty();
    const ended = await endedIncident(backend);
    const lines = journalLines(backend, ended.runId).length;
    const future = new Date(Date.now() + 2 * 3_600_000).toISOString();
    const bad = closeOutFor(ended);
    const late = refusal(
      await command(backend, ended.runId, {
        type: 'closeOut',
        closeOut: { ...bad, police: { none: false, calledAt: future } },
      }),
    );
    expect(late.message.en).toBe('The time the police were called is in the future');
    const before = new Date(Date.parse(ended.startedAt) - 3_600_000).toISOString();
    const early = refusal(
      await command(backend, ended.runId, {
        type: 'closeOut',
        closeOut: { ...bad, reports: { none: false, entries: [{ to: '行长', at: before, how: '电话' }] } },
      }),
    );
    expect(early.message.en).toBe('The time of report 1 is before the run started');
    const shape = refusal(await command(backend, ended.runId, { type: 'closeOut', closeOut: { ...bad, losses: {} } }));
    expect(shape.code).toBe('invalid-input');
    expect(journalLines(backend, ended.runId)).toHaveLength(lines);

    const drill = await call<RunView>(backend, 'runs.start', { planId: 'fire', mode: 'drill' }, KIOSK);
    await command(backend, drill.runId, { type: 'abort', reason: '演练结束' });
    expect(refusal(await command(backend, drill.runId, { type: 'closeOut', closeOut: bad })).message.en).toBe(
      'A drill has no incident close-out',
    );
    // A drill signs off without one.
    const signed = await call<RunView>(
      backend,
      'runs.command',
      { runId: drill.runId, command: { type: 'signOff', name: '陈培训' } },
      KIOSK,
    );
    expect(signed.status).toBe('sealed');
  });
});

describe('sign-off', () => {
  it('with the signer’s PIN is verified under their own name; the PIN is written nowhere', async () => {
    const { backend, guard } = await backendWithGuardOnDuty();
    const people = await call<{ id: string; name: string; role: string }[]>(backend, 'users.list', {}, KIOSK);
    const manager = people.find((u) => u.role === 'manager')!;
    const ended = await endedIncident(backend);
    await call(
      backend,
      'runs.command',
      { runId: ended.runId, command: { type: 'closeOut', closeOut: closeOutFor(ended) } },
      KIOSK,
    );
    const signed = await call<RunView>(
      backend,
      'runs.command',
      {
        runId: ended.runId,
        command: { type: 'signOff', name: '别人', note: '已核对', pin: { userId: manager.id, pin: PINS.manager } },
      },
      KIOSK,
    );
    expect(signed.status).toBe('sealed');
    expect(signed.signedOff).toMatchObject({ name: manager.name, verified: true, userId: manager.id, note: '已核对' });
    const event = journalLines(backend, ended.runId).find((e) => e.type === 'run.signedOff')!;
    expect(event.data).toEqual({ name: manager.name, note: '已核对', verified: true, userId: manager.id });
    expect(event.by).toBe(guard.name); // who was at the PC; the signer is in the data
    const journal = readFileSync(backend.runs.journalPath(ended.runId), 'utf8');
    expect(journal).not.toContain(PINS.manager);
    const audit = backend.audit.entries;
    expect(audit.at(-1)).toMatchObject({
      type: 'signOff.pinConfirmed',
      by: manager.id,
      data: { userId: manager.id, name: manager.name, runId: ended.runId },
    });
    expect(JSON.stringify(audit)).not.toContain(PINS.manager);
  });

  it('with a wrong PIN is a clear error, counted like an unlock, and writes nothing to the journal', async () => {
    const { backend, guard } = await backendWithGuardOnDuty();
    const ended = await endedIncident(backend);
    await call(
      backend,
      'runs.command',
      { runId: ended.runId, command: { type: 'closeOut', closeOut: closeOutFor(ended) } },
      KIOSK,
    );
    const lines = journalLines(backend, ended.runId).length;
    const wrong = refusal(
      await command(backend, ended.runId, {
        type: 'signOff',
        name: guard.name,
        pin: { userId: guard.id, pin: '000000' },
      }),
    );
    expect(wrong).toMatchObject({
      code: 'forbidden',
      message: { 'zh-CN': 'PIN 错误，请重试。', en: 'Wrong PIN. Try again.' },
    });
    expect(journalLines(backend, ended.runId)).toHaveLength(lines);
    expect(backend.audit.entries.at(-1)).toMatchObject({ type: 'pin.failed', data: { userId: guard.id, failures: 1 } });
    const view = await call<RunView>(backend, 'runs.get', { runId: ended.runId }, KIOSK);
    expect(view.status).toBe('ended');
    expect(view.signedOff).toBeUndefined();
  });

  it('with a typed name is unverified; a journal from before PINs reads as unverified too', async () => {
    const { backend } = await backendWithGuardOnDuty();
    const ended = await endedIncident(backend);
    await call(
      backend,
      'runs.command',
      { runId: ended.runId, command: { type: 'closeOut', closeOut: closeOutFor(ended) } },
      KIOSK,
    );
    const signed = await call<RunView>(
      backend,
      'runs.command',
      { runId: ended.runId, command: { type: 'signOff', name: '张三' } },
      KIOSK,
    );
    expect(signed.signedOff).toMatchObject({ name: '张三', verified: false });
    expect(signed.signedOff!.userId).toBeUndefined();
    const events = journalLines(backend, ended.runId);
    expect(events.find((e) => e.type === 'run.signedOff')!.data).toEqual({ name: '张三', verified: false });
    const old = events.map((e) => (e.type === 'run.signedOff' ? { ...e, data: { name: '张三' } } : e));
    expect(replayRun(old).state.signedOff).toMatchObject({ name: '张三', verified: false });
  });
});

describe('exports', () => {
  it('carry the close-out, the actor and the verified sign-off in CSV (parsed back) and JSON', async () => {
    const { backend, guard } = await backendWithGuardOnDuty();
    const ended = await endedIncident(backend);
    const closeOut = closeOutFor(ended, '=HYPERLINK("x")');
    await call(backend, 'runs.command', { runId: ended.runId, command: { type: 'closeOut', closeOut } }, KIOSK);
    await call(
      backend,
      'runs.command',
      {
        runId: ended.runId,
        command: { type: 'signOff', name: guard.name, pin: { userId: guard.id, pin: PINS.guard } },
      },
      KIOSK,
    );
    await call(
      backend,
      'session.unlock',
      {
        userId: (await call<{ id: string; role: string }[]>(backend, 'users.list', {})).find((u) => u.role === 'admin')!
          .id,
        pin: PINS.admin,
      },
      ADMIN,
    );
    const csv = await call<{ content: string }>(
      backend,
      'records.export',
      { runId: ended.runId, format: 'csv' },
      ADMIN,
    );
    const [header, ...rows] = parseCsv(csv.content.slice(CSV_BOM.length));
    const col = (name: string) => header!.indexOf(name);
    const row = rows.find((r) => r[col('类型 type')] === 'incident.closedOut')!;
    expect(row[col('操作人 by')]).toBe(guard.name);
    expect(JSON.parse(row[col('数据 data (JSON)')]!)).toEqual(closeOut);
    expect(row[col('说明')]).toContain('伤亡：伤 1 人、亡 0 人');
    // The receipt number starts like a formula: the description cell is defused, the JSON cell is plain data.
    expect(row[col('说明')]).toContain('回执号 =HYPERLINK');
    const signedRow = rows.find((r) => r[col('类型 type')] === 'run.signedOff')!;
    expect(signedRow[col('说明')]).toBe(`签字确认：${guard.name}（已核验 PIN）`);
    expect(signedRow[col('description')]).toBe(`Signed off: ${guard.name} (PIN verified)`);
    for (const r of rows.filter((r) => ['step.completed', 'run.aborted'].includes(r[col('类型 type')]!))) {
      expect(r[col('操作人 by')]).toBe(guard.name);
    }

    const json = await call<{ content: string }>(
      backend,
      'records.export',
      { runId: ended.runId, format: 'json' },
      ADMIN,
    );
    const exported = JSON.parse(json.content) as RunExport;
    const events = exported.journal
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as JournalEvent);
    expect(events.find((e) => e.type === 'incident.closedOut')).toMatchObject({ by: guard.name, data: closeOut });
    expect(events.find((e) => e.type === 'run.signedOff')!.data).toMatchObject({ verified: true, userId: guard.id });
    expect(exported.journal).not.toContain(PINS.guard);
    expect(exported.runId).toBe(ended.runId);
  });
});
