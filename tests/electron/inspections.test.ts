// Inspections through the backend on real temp data folders: begun ad hoc or as planned with the whole template on the
// first line; every kind of answer, each on disk when the call returns, refused when it does not fit; photos stored
// under their hash and refused when they are not photos; the sign-off's refusals and its seal, register line,
// rectifications and audit entry; integrity judged now (a changed photo, a journal cut back or altered); the CLI's
// verdict; a crash between sealing and registering; who sees an unannounced inspection; who may do what; the scorecard.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { nodeJournalCrypto, sha256Hex } from '../../electron/journal/nodeCrypto';
import { keyIdOf, readPublicKey } from '../../electron/journal/signingKey';
import { ACTION_LOG_FILE, ACTION_LOG_FORMAT } from '../../shared/actions/actionLog';
import { fromInspection } from '../../shared/actions/actionSource';
import type { ActionView } from '../../shared/actions/actionView';
import { CHANNEL_ACCESS } from '../../shared/api/access';
import type { Caller } from '../../shared/api/dispatch';
import { checklistContentHash } from '../../shared/checklist/contentHash';
import { scoreChecklist, type Answer } from '../../shared/checklist/score';
import type { Checklist } from '../../shared/checklist/schema';
import { INSPECTION_FORMAT, type InspectionEventData } from '../../shared/inspections/inspection';
import {
  INSPECTION_LOG_FILE,
  INSPECTION_LOG_FORMAT,
  type InspectionLogData,
} from '../../shared/inspections/inspectionLog';
import type { InspectionSummary, InspectionView } from '../../shared/inspections/inspectionView';
import type { ScorecardView } from '../../shared/inspections/scorecard';
import type { JournalEvent } from '../../shared/journal/format';
import { verifyJournalText } from '../../shared/journal/verify';
import { INSPECTION_LIMITS } from '../../shared/limits';
import { INSPECTION_MESSAGES as m } from '../../shared/messages/inspections';
import { RECORD_MESSAGES } from '../../shared/messages/records';
import { backendFixtures, refusal } from '../support/backends';
import {
  answerFor,
  attachPhoto,
  bundledChecklist,
  conductSigned,
  conductUnsigned,
  EVIDENCE,
  flipByte,
  inspectionBranch,
  inspectionsDir,
  itemsOf,
  journalFile,
  journalLines,
  paddedPng,
  rectificationsFor,
  rewriteChainLog,
  unlockAll,
  type InspectionBranch,
} from '../support/inspectionBranch';
import { call, PINS } from '../support/people';
import { TINY_PNG_BASE64 } from '../support/photos';

const fixtures = backendFixtures('guardbook-inspections-');

async function branch(): Promise<InspectionBranch> {
  const dataDir = fixtures.tempDir();
  return inspectionBranch(await fixtures.start(dataDir), dataDir);
}

/** The same data folder in a new backend (a restart), every window unlocked again. */
async function restart(b: InspectionBranch): Promise<InspectionBranch> {
  await fixtures.stop(b.backend);
  const backend = await fixtures.start(b.dataDir);
  await unlockAll(backend, b.users, b.windows);
  return { ...b, backend };
}

/** The score as the API sends it, from THE rule applied to the template and the answers given. */
function expectedScore(template: Checklist, answers: ReadonlyMap<string, Answer>): InspectionView['score'] {
  const score = scoreChecklist(template, answers);
  return { ...score, results: Object.fromEntries(score.results) };
}

const readOrEmpty = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');

/** Everything an inspection call may write: its journal, the inspections log, the actions log, the files folder. */
function snapshot(dataDir: string, inspectionId: string) {
  const files = join(inspectionsDir(dataDir), 'files');
  return {
    journal: readOrEmpty(journalFile(dataDir, inspectionId)),
    log: readOrEmpty(join(inspectionsDir(dataDir), INSPECTION_LOG_FILE)),
    actions: readOrEmpty(join(dataDir, 'actions', ACTION_LOG_FILE)),
    files: existsSync(files) ? readdirSync(files).sort() : [],
  };
}

function logEntries(dataDir: string): JournalEvent[] {
  const verified = verifyJournalText(
    readFileSync(join(inspectionsDir(dataDir), INSPECTION_LOG_FILE), 'utf8'),
    nodeJournalCrypto,
    { format: INSPECTION_LOG_FORMAT },
  );
  expect(verified.ok).toBe(true);
  return verified.events;
}

const sealsOf = (dataDir: string, inspectionId: string) =>
  logEntries(dataDir).filter(
    (e) => e.type === 'inspection.sealed' && (e.data as { inspectionId: string }).inspectionId === inspectionId,
  );

async function rectificationsOf(b: InspectionBranch, inspectionId: string): Promise<ActionView[]> {
  const all = await call<ActionView[]>(b.backend, 'actions.list', {}, b.windows.trainer);
  return all.filter((a) => fromInspection(a.spec, inspectionId));
}

async function startAdHoc(b: InspectionBranch, checklistId: string, window: Caller = b.windows.trainer) {
  return call<InspectionView>(
    b.backend,
    'inspections.start',
    { checklistId, announced: true, place: '营业厅', inspectors: ['陈培训', '总行检查员 周'] },
    window,
  );
}

const cli = async (...argv: string[]) => {
  const out: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => out.push(l) });
  return { code, out };
};

/** A call of each kind that writes to an inspection's journal. */
const writesTo = (inspectionId: string) =>
  [
    ['inspections.answer', { inspectionId, itemId: 'dress-tidy', answer: { kind: 'yes-no', value: 'no' } }],
    ['inspections.note', { inspectionId, itemId: 'dress-tidy', note: '补记' }],
    ['inspections.attach', { inspectionId, itemId: 'dress-tidy', file: { name: 'a.png', base64: TINY_PNG_BASE64 } }],
    [
      'inspections.signOff',
      { inspectionId, summary: '', branchRepresentative: '王行长', rectifications: [], pin: PINS.trainer },
    ],
  ] as const;

/** Where in a journal the first "yes" answer's first letter is, and on which line (1-based). */
function firstYes(file: string): { at: number; line: number } {
  const bytes = readFileSync(file);
  const at = bytes.indexOf('"value":"yes"') + '"value":"'.length;
  return { at, line: bytes.subarray(0, at).toString('utf8').split('\n').length };
}

describe('beginning an inspection', () => {
  it('ad hoc or as planned, its first line carrying the whole template version and its content hash', async () => {
    const b = await branch();
    const template = bundledChecklist('guard-post');
    const hash = checklistContentHash(template, sha256Hex);
    const adHoc = await startAdHoc(b, 'guard-post');
    expect(adHoc.summary).toMatchObject({
      status: 'in-progress',
      checklistId: 'guard-post',
      checklist: { id: 'guard-post', version: template.version, contentHash: hash },
      announced: true,
      place: '营业厅',
    });
    const lines = journalLines(b.dataDir, adHoc.summary.id);
    expect(lines.map((l) => l.type)).toEqual(['inspection.started']);
    const started = lines[0]!.data as InspectionEventData<'inspection.started'>;
    expect(started.checklist).toEqual({ id: 'guard-post', version: template.version, contentHash: hash });
    // The branch's published version 1 of the bundled template: its content, without the editor's schema hint.
    const { $schema: _hint, ...content } = template;
    expect(started.body).toEqual(content);
    // The record stands alone: the body it carries hashes to the hash it names.
    expect(checklistContentHash(started.body, sha256Hex)).toBe(hash);
    expect(started).toMatchObject({
      inspectionId: adHoc.summary.id,
      announced: true,
      place: '营业厅',
      inspectors: ['陈培训', '总行检查员 周'],
      by: { userId: b.users.trainer.id, name: b.users.trainer.name },
    });

    const planned = await call<InspectionSummary>(
      b.backend,
      'inspections.plan',
      {
        plan: {
          checklistId: 'alarm-110-link-test',
          announced: true,
          date: '2026-12-05',
          place: '监控室',
          inspectors: ['李主管'],
        },
      },
      b.windows.trainer,
    );
    expect(planned.status).toBe('planned');
    expect(existsSync(journalFile(b.dataDir, planned.id))).toBe(false);
    const begun = await call<InspectionView>(
      b.backend,
      'inspections.start',
      { inspectionId: planned.id },
      b.windows.manager,
    );
    expect(begun.summary).toMatchObject({ id: planned.id, status: 'in-progress', place: '监控室' });
    expect(begun.inspectors).toEqual(['李主管']);
    const first = journalLines(b.dataDir, planned.id)[0]!.data as InspectionEventData<'inspection.started'>;
    expect(first.checklist.contentHash).toBe(checklistContentHash(bundledChecklist('alarm-110-link-test'), sha256Hex));
    // A planned inspection begins once; a template that does not exist begins nothing.
    expect(
      refusal(await b.backend.call('inspections.start', { inspectionId: planned.id }, b.windows.trainer)).code,
    ).toBe('invalid-input');
    const unknown = await b.backend.call(
      'inspections.start',
      { checklistId: 'no-such-checklist', announced: true, place: '', inspectors: ['陈培训'] },
      b.windows.trainer,
    );
    expect(refusal(unknown).code).toBe('not-found');
  });
});

describe('answering', () => {
  it('takes every kind of answer, each on disk when the call returns, the live score by the one rule', async () => {
    const b = await branch();
    const template = bundledChecklist('unannounced-inspection');
    const items = itemsOf(template);
    expect(new Set(items.map((i) => i.kind))).toEqual(new Set(['yes-no', 'score', 'number', 'text']));
    const { summary } = await startAdHoc(b, 'unannounced-inspection');
    const inspectionId = summary.id;
    const given = new Map<string, Answer>();

    const answer = async (itemId: string, value: Answer) => {
      const before = journalLines(b.dataDir, inspectionId).length;
      const view = await call<InspectionView>(
        b.backend,
        'inspections.answer',
        { inspectionId, itemId, answer: value },
        b.windows.trainer,
      );
      // Read at once after the call: the line is in the file, not only in memory.
      const lines = journalLines(b.dataDir, inspectionId);
      expect(lines).toHaveLength(before + 1);
      expect(lines.at(-1)).toMatchObject({
        type: 'item.answered',
        data: { itemId, answer: value, by: { userId: b.users.trainer.id } },
      });
      given.set(itemId, value);
      expect(view.score).toEqual(expectedScore(template, given));
      expect(view.items[itemId]!.answer).toEqual(value);
      return view;
    };

    // Mixed answers: some fail, some are not applicable where that is allowed.
    for (const [i, item] of items.entries()) {
      const naAllowed = item.kind === 'yes-no' && item.allowNa !== false;
      const value: Answer = naAllowed && i % 5 === 2 ? { kind: 'yes-no', value: 'na' } : answerFor(item, i % 4 === 1);
      await answer(item.id, value);
    }
    const full = expectedScore(template, given);
    expect(full.unanswered).toEqual([]);
    expect(full.failed.length).toBeGreaterThan(0);
    expect(Object.values(full.results)).toContain('na');

    // A changed answer is a new line; the last counts, here and after a restart.
    const changed = items.find((item) => item.kind === 'yes-no' && given.get(item.id)?.value === 'yes')!;
    const view = await answer(changed.id, { kind: 'yes-no', value: 'no' });
    expect(view.score.results[changed.id]).toBe('fail');
    const answeredLines = journalLines(b.dataDir, inspectionId).filter(
      (l) => l.type === 'item.answered' && (l.data as { itemId: string }).itemId === changed.id,
    );
    expect(answeredLines.map((l) => (l.data as { answer: Answer }).answer.value)).toEqual(['yes', 'no']);
    const again = await restart(b);
    const reread = await call<InspectionView>(again.backend, 'inspections.get', { inspectionId }, again.windows.guard);
    expect(reread.items[changed.id]!.answer).toEqual({ kind: 'yes-no', value: 'no' });
    expect(reread.score).toEqual(expectedScore(template, given));
  });

  it('refuses an answer that does not fit its item (n/a not allowed, out of range, wrong kind, unknown item)', async () => {
    const b = await branch();
    const items = itemsOf(bundledChecklist('unannounced-inspection'));
    const { summary } = await startAdHoc(b, 'unannounced-inspection');
    const inspectionId = summary.id;
    const noNa = items.find((i) => i.kind === 'yes-no' && i.allowNa === false)!;
    const score = items.find((i) => i.kind === 'score')!;
    const number = items.find((i) => i.kind === 'number' && i.allowNa !== true)!;
    const text = items.find((i) => i.kind === 'text')!;
    const before = snapshot(b.dataDir, inspectionId);
    const attempt = async (itemId: string, answer: unknown) =>
      refusal(await b.backend.call('inspections.answer', { inspectionId, itemId, answer }, b.windows.trainer));

    // Refused by the item's own rule, with the item named.
    for (const [itemId, answer] of [
      [noNa.id, { kind: 'yes-no', value: 'na' }],
      [score.id, { kind: 'score', value: (score as { max: number }).max + 1 }],
      [number.id, { kind: 'number', value: null }],
      [score.id, { kind: 'yes-no', value: 'yes' }],
    ] as const) {
      const refused = await attempt(itemId, answer);
      expect(refused).toMatchObject({ code: 'invalid-input', message: m.answerDoesNotFit(itemId) });
    }
    // Refused by the schema: a fraction of a point, a negative score, a text longer than its limit.
    expect((await attempt(score.id, { kind: 'score', value: 2.5 })).code).toBe('invalid-input');
    expect((await attempt(score.id, { kind: 'score', value: -1 })).code).toBe('invalid-input');
    const long = 'x'.repeat(INSPECTION_LIMITS.textAnswer + 1);
    expect((await attempt(text.id, { kind: 'text', value: long })).code).toBe('invalid-input');
    expect(await attempt('no-such-item', { kind: 'yes-no', value: 'yes' })).toMatchObject({
      code: 'invalid-input',
      message: m.unknownItem('no-such-item'),
    });
    expect(snapshot(b.dataDir, inspectionId)).toEqual(before);

    // What does fit is taken: n/a where allowed, the limits of a score.
    const naAllowed = items.find((i) => i.kind === 'yes-no' && i.allowNa !== false)!;
    const na = await call<InspectionView>(
      b.backend,
      'inspections.answer',
      { inspectionId, itemId: naAllowed.id, answer: { kind: 'yes-no', value: 'na' } },
      b.windows.trainer,
    );
    expect(na.score.results[naAllowed.id]).toBe('na');
    for (const value of [0, (score as { max: number }).max]) {
      await call(
        b.backend,
        'inspections.answer',
        { inspectionId, itemId: score.id, answer: { kind: 'score', value } },
        b.windows.trainer,
      );
    }
  });
});

describe('photos and files', () => {
  it('are stored under their SHA-256 with their bytes; what is not a photo or PDF, > 8 MB or an 11th is refused', async () => {
    const b = await branch();
    const { summary } = await startAdHoc(b, 'guard-post');
    const inspectionId = summary.id;
    const png = Buffer.from(TINY_PNG_BASE64, 'base64');
    const view = await attachPhoto(b.backend, b.windows.trainer, inspectionId, 'post-at-position', png, '岗位.png');
    const sha = createHash('sha256').update(png).digest('hex');
    expect(view.items['post-at-position']!.attachments).toEqual([
      expect.objectContaining({ name: '岗位.png', mime: 'image/png', bytes: png.length, sha256: sha }),
    ]);
    const stored = join(inspectionsDir(b.dataDir), 'files', `${sha}.png`);
    expect(readFileSync(stored)).toEqual(png);
    expect(journalLines(b.dataDir, inspectionId).at(-1)).toMatchObject({
      type: 'item.attached',
      data: { itemId: 'post-at-position', attachment: { sha256: sha, file: `files/${sha}.png` } },
    });
    // A PDF is taken too, by its bytes.
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const withPdf = await attachPhoto(
      b.backend,
      b.windows.trainer,
      inspectionId,
      'post-shift-log',
      pdf,
      '值班记录.pdf',
    );
    const pdfSha = createHash('sha256').update(pdf).digest('hex');
    expect(withPdf.items['post-shift-log']!.attachments[0]).toMatchObject({ mime: 'application/pdf', sha256: pdfSha });
    expect(readFileSync(join(inspectionsDir(b.dataDir), 'files', `${pdfSha}.pdf`))).toEqual(pdf);

    // A program named photo.jpg, and a photo over 8 MB: refused, in both languages, and nothing written.
    const before = snapshot(b.dataDir, inspectionId);
    const program = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(512, 0x41)]);
    const notPhoto = refusal(
      await b.backend.call(
        'inspections.attach',
        { inspectionId, itemId: 'dress-uniform', file: { name: 'photo.jpg', base64: program.toString('base64') } },
        b.windows.trainer,
      ),
    );
    expect(notPhoto).toEqual({ code: 'invalid-input', message: m.attachmentNotPhoto('photo.jpg') });
    const big = paddedPng(INSPECTION_LIMITS.attachmentBytes + 1);
    const tooBig = refusal(
      await b.backend.call(
        'inspections.attach',
        { inspectionId, itemId: 'dress-uniform', file: { name: 'big.png', base64: big.toString('base64') } },
        b.windows.trainer,
      ),
    );
    expect(tooBig).toEqual({
      code: 'invalid-input',
      message: m.attachmentTooLarge('big.png', INSPECTION_LIMITS.attachmentBytes / (1024 * 1024)),
    });
    expect(snapshot(b.dataDir, inspectionId)).toEqual(before);

    // Ten on one item are taken (other bytes each); the eleventh is refused.
    for (let n = 1; n <= INSPECTION_LIMITS.attachmentsPerItem; n++) {
      await attachPhoto(b.backend, b.windows.trainer, inspectionId, 'equip-radio', paddedPng(200, n));
    }
    const full = snapshot(b.dataDir, inspectionId);
    const eleventh = refusal(
      await b.backend.call(
        'inspections.attach',
        {
          inspectionId,
          itemId: 'equip-radio',
          file: { name: '11.png', base64: paddedPng(200, 99).toString('base64') },
        },
        b.windows.trainer,
      ),
    );
    expect(eleventh).toEqual({
      code: 'invalid-input',
      message: m.tooManyAttachments('equip-radio', INSPECTION_LIMITS.attachmentsPerItem),
    });
    expect(snapshot(b.dataDir, inspectionId)).toEqual(full);
  });
});

describe('signing off', () => {
  const FAIL = ['post-at-position', 'post-attentive', 'quiz-fire'];

  it('is refused while anything is missing or the PIN is wrong, and then nothing is written', async () => {
    const b = await branch();
    const items = itemsOf(bundledChecklist('guard-post'));
    const { summary } = await startAdHoc(b, 'guard-post');
    const inspectionId = summary.id;
    const signOff = async (rectifications: unknown[], pin = PINS.trainer) => {
      const before = snapshot(b.dataDir, inspectionId);
      const result = await b.backend.call(
        'inspections.signOff',
        { inspectionId, summary: '检查完毕', branchRepresentative: '王行长', rectifications, pin },
        b.windows.trainer,
      );
      expect(snapshot(b.dataDir, inspectionId)).toEqual(before);
      return refusal(result);
    };
    const answer = (itemId: string) =>
      call(
        b.backend,
        'inspections.answer',
        {
          inspectionId,
          itemId,
          answer: answerFor(
            items.find((i) => i.id === itemId)!,
            FAIL.includes(itemId),
          ),
        },
        b.windows.trainer,
      );
    const left = [items[4]!.id, items[9]!.id, items[15]!.id];
    for (const item of items) if (!left.includes(item.id)) await answer(item.id);
    expect(await signOff([])).toEqual({ code: 'invalid-input', message: m.unanswered(3, left[0]!) });
    for (const itemId of left) await answer(itemId);

    const photographed = items.filter((i) => i.photo).map((i) => i.id);
    expect(photographed.length).toBeGreaterThan(1);
    expect(await signOff([])).toEqual({ code: 'invalid-input', message: m.photoMissing(photographed[0]!) });
    await attachPhoto(b.backend, b.windows.trainer, inspectionId, photographed[0]!);
    expect(await signOff([])).toEqual({ code: 'invalid-input', message: m.photoMissing(photographed[1]!) });
    for (const itemId of photographed.slice(1)) await attachPhoto(b.backend, b.windows.trainer, inspectionId, itemId);

    const options = { owner: { name: '李主管' } };
    expect(await signOff([])).toEqual({ code: 'invalid-input', message: m.rectificationMissing(FAIL[0]!) });
    expect(await signOff(rectificationsFor(FAIL.slice(0, 2), options))).toEqual({
      code: 'invalid-input',
      message: m.rectificationMissing(FAIL[2]!),
    });
    const passed = items.find((i) => !FAIL.includes(i.id) && i.kind === 'yes-no')!.id;
    expect(await signOff(rectificationsFor([...FAIL, passed], options))).toEqual({
      code: 'invalid-input',
      message: m.rectificationForPassedItem(passed),
    });
    expect((await signOff(rectificationsFor(FAIL, options), '000000')).code).toBe('forbidden');
    // The refusals left it open: it is still signed with the right PIN.
    const signed = await call<InspectionView>(
      b.backend,
      'inspections.signOff',
      {
        inspectionId,
        summary: '检查完毕',
        branchRepresentative: '王行长',
        rectifications: rectificationsFor(FAIL, options),
        pin: PINS.trainer,
      },
      b.windows.trainer,
    );
    expect(signed.summary.status).toBe('sealed');
  });

  it('seals with the installation key, registers the seal, opens each rectification and audits it; then refuses more', async () => {
    const b = await branch();
    const template = bundledChecklist('guard-post');
    const owners = { 'post-at-position': { userId: b.users.guard.id, name: b.users.guard.name } };
    const dues = { 'post-at-position': '2026-12-06', 'quiz-fire': '2026-12-31' };
    const options = { checklistId: 'guard-post', fail: FAIL, owners, dues, owner: { name: '外包保安公司 刘经理' } };
    const unsigned = await conductUnsigned(b, options);
    const inspectionId = unsigned.summary.id;
    const answers = new Map(itemsOf(template).map((item) => [item.id, answerFor(item, FAIL.includes(item.id))]));
    const score = scoreChecklist(template, answers);
    expect(score.failed).toEqual(FAIL);
    expect(score.criticalFailed).toEqual(['post-at-position']);

    const signed = await call<InspectionView>(
      b.backend,
      'inspections.signOff',
      {
        inspectionId,
        summary: '岗位脱岗，限期整改。',
        branchRepresentative: '王行长',
        rectifications: rectificationsFor(FAIL, options),
        pin: PINS.trainer,
      },
      b.windows.trainer,
    );
    expect(signed.summary.status).toBe('sealed');
    expect(signed.signedOff).toMatchObject({
      percent: score.percent,
      passed: false,
      failed: FAIL,
      criticalFailed: ['post-at-position'],
      inspector: { userId: b.users.trainer.id, name: b.users.trainer.name },
      branchRepresentative: '王行长',
    });
    expect(signed.integrity.integrity).toBe('verified');

    // The journal ends with its seal, by this installation's key.
    const publicKey = readPublicKey(b.dataDir)!;
    const text = readFileSync(journalFile(b.dataDir, inspectionId), 'utf8');
    const verified = verifyJournalText(text, nodeJournalCrypto, {
      format: INSPECTION_FORMAT,
      trustedKeys: [publicKey],
    });
    expect(verified).toMatchObject({ ok: true, seal: 'valid', keyId: keyIdOf(publicKey) });
    expect(verified.events.slice(-2).map((e) => e.type)).toEqual(['inspection.signedOff', 'inspection.sealed']);

    // The inspections log registers the seal: the seal line's hash and the journal's length.
    const [seal, ...more] = sealsOf(b.dataDir, inspectionId);
    expect(more).toEqual([]);
    expect(seal!.data).toMatchObject({
      head: verified.events.at(-1)!.hash,
      events: verified.events.length,
      keyId: keyIdOf(publicKey),
      percent: score.percent,
      passed: false,
      failed: FAIL,
    } satisfies Partial<InspectionLogData<'inspection.sealed'>>);

    // One rectification per failed item, under the id the sign-off gave it.
    const actions = await rectificationsOf(b, inspectionId);
    expect(actions.map((a) => a.spec.source)).toEqual(
      expect.arrayContaining(
        FAIL.map((itemId) => ({
          kind: 'inspection',
          inspectionId,
          title: expect.any(String),
          itemId,
          critical: itemId === 'post-at-position',
        })),
      ),
    );
    expect(actions).toHaveLength(FAIL.length);
    for (const r of signed.signedOff!.rectifications) {
      const action = actions.find((a) => a.id === r.actionId)!;
      expect(action.spec).toMatchObject({
        owner: owners[r.itemId as keyof typeof owners] ?? options.owner,
        due: dues[r.itemId as keyof typeof dues] ?? '2099-12-31',
        evidence: EVIDENCE,
        source: { itemId: r.itemId },
      });
      expect(action.status).toBe('open');
    }
    const actionLog = verifyJournalText(
      readFileSync(join(b.dataDir, 'actions', ACTION_LOG_FILE), 'utf8'),
      nodeJournalCrypto,
      { format: ACTION_LOG_FORMAT },
    );
    expect(actionLog.ok).toBe(true);

    // The audit trail says who signed, with the score.
    const audit = await call<{ entries: JournalEvent[] }>(b.backend, 'audit.list', { limit: 500 }, b.windows.manager);
    const signedOff = audit.entries.filter(
      (e) =>
        e.type === 'inspection.changed' &&
        (e.data as { action: string; inspectionId: string }).action === 'signedOff' &&
        (e.data as { inspectionId: string }).inspectionId === inspectionId,
    );
    expect(signedOff).toEqual([
      expect.objectContaining({
        by: b.users.trainer.id,
        data: expect.objectContaining({ percent: score.percent, passed: false, checklistId: 'guard-post' }),
      }),
    ]);

    // Sealed: nothing more is written to it.
    const sealed = snapshot(b.dataDir, inspectionId);
    for (const [channel, input] of writesTo(inspectionId)) {
      expect(refusal(await b.backend.call(channel, input, b.windows.trainer))).toEqual({
        code: 'invalid-input',
        message: m.notInProgress(inspectionId),
      });
    }
    expect(snapshot(b.dataDir, inspectionId)).toEqual(sealed);
  });
});

describe('integrity', () => {
  const photos = { 'post-at-position': paddedPng(300, 1), 'equip-riot-gear': paddedPng(300, 2) };

  /** The journal line (1-based) that attaches the item's photo, and the file it names. */
  function attachedLine(dataDir: string, inspectionId: string, itemId: string) {
    const lines = journalLines(dataDir, inspectionId);
    const index = lines.findIndex(
      (l) => l.type === 'item.attached' && (l.data as { itemId: string }).itemId === itemId,
    );
    return { line: index + 1, file: (lines[index]!.data as InspectionEventData<'item.attached'>).attachment.file };
  }

  it('is verified; one changed byte of a photo is damage naming the attachment and its line', async () => {
    const b = await branch();
    const signed = await conductSigned(b, { checklistId: 'guard-post', photos });
    const inspectionId = signed.summary.id;
    const get = () => call<InspectionView>(b.backend, 'inspections.get', { inspectionId }, b.windows.guard);
    expect((await get()).integrity).toEqual({ integrity: 'verified' });

    const damagedPhoto = attachedLine(b.dataDir, inspectionId, 'post-at-position');
    const intactPhoto = attachedLine(b.dataDir, inspectionId, 'equip-riot-gear');
    const photoFile = join(inspectionsDir(b.dataDir), damagedPhoto.file);
    flipByte(photoFile, 60);
    const judged = (await get()).integrity;
    expect(judged.integrity).toBe('damaged');
    const fault = RECORD_MESSAGES.attachmentFault(
      damagedPhoto.line,
      'post-at-position',
      RECORD_MESSAGES.attachmentDamaged(join('inspections', damagedPhoto.file)),
    );
    expect(judged.damageText!['zh-CN']).toContain(fault['zh-CN']);
    expect(judged.damageText!.en).toContain(fault.en);
    expect(judged.damageText!.en).not.toContain(`line ${intactPhoto.line}`);
    // The altered file is not handed out as the record's photo.
    const sha = createHash('sha256').update(photos['post-at-position']).digest('hex');
    expect(
      refusal(await b.backend.call('inspections.attachment', { inspectionId, sha256: sha }, b.windows.guard)).code,
    ).toBe('storage');
    // Judged now: the byte put back, it verifies again.
    flipByte(photoFile, 60);
    expect((await get()).integrity).toEqual({ integrity: 'verified' });
  });

  it('a journal cut back after its seal is damaged: it departs from its registered seal', async () => {
    const b = await branch();
    const signed = await conductSigned(b, { checklistId: 'guard-post' });
    const inspectionId = signed.summary.id;
    const file = journalFile(b.dataDir, inspectionId);
    const original = readFileSync(file);
    const get = () => call<InspectionView>(b.backend, 'inspections.get', { inspectionId }, b.windows.manager);

    // Cut back to before its seal: a journal that verifies on its own, but is shorter than its registered seal.
    const lines = original.toString('utf8').split('\n').filter(Boolean);
    writeFileSync(file, lines.slice(0, -1).join('\n') + '\n');
    const seal = sealsOf(b.dataDir, inspectionId)[0]!;
    const cut = (await get()).integrity;
    expect(cut.integrity).toBe('damaged');
    expect(cut.damageText).toEqual(RECORD_MESSAGES.cutAfterSeal(seal.at, lines.length, lines.length - 1));
    // Cut back to before its sign-off too: in progress by its own lines, sealed by the register's.
    writeFileSync(file, lines.slice(0, -2).join('\n') + '\n');
    expect((await get()).integrity.integrity).toBe('damaged');
    writeFileSync(file, original);
    expect((await get()).integrity).toEqual({ integrity: 'verified' });
  });

  // A damaged record is still shown — judged damaged from the part that verifies, saying where — only never written to.
  it('a sealed journal with one changed byte is shown as damaged, naming the line', async () => {
    const b = await branch();
    const signed = await conductSigned(b, { checklistId: 'guard-post' });
    const inspectionId = signed.summary.id;
    const file = journalFile(b.dataDir, inspectionId);
    // One byte of an answer changed ("yes" → "xes"): the line no longer hashes to what it says.
    const { at, line } = firstYes(file);
    flipByte(file, at);
    const view = await call<InspectionView>(b.backend, 'inspections.get', { inspectionId }, b.windows.manager);
    expect(view.integrity.integrity).toBe('damaged');
    expect(view.integrity.damageText!.en).toMatch(new RegExp(`^line ${line} \\(byte \\d+\\)`));
  });

  it('an inspection in progress whose journal was altered while the app was closed is never written to again', async () => {
    const b = await branch();
    const view = await conductUnsigned(b, { checklistId: 'guard-post' });
    const inspectionId = view.summary.id;
    const file = journalFile(b.dataDir, inspectionId);
    const { at, line } = firstYes(file);
    await fixtures.stop(b.backend);
    flipByte(file, at);
    const backend = await fixtures.start(b.dataDir);
    await unlockAll(backend, b.users, b.windows);
    const before = snapshot(b.dataDir, inspectionId);
    for (const [channel, input] of writesTo(inspectionId)) {
      const refused = refusal(await backend.call(channel, input, b.windows.trainer));
      expect(refused.code).toBe('storage');
      expect(refused.message.en).toContain(`damaged at line ${line}`);
    }
    // Kept as it is: not a byte changed, nothing set aside, no new journal started in its place.
    expect(snapshot(b.dataDir, inspectionId)).toEqual(before);
    expect(readdirSync(inspectionsDir(b.dataDir)).filter((n) => n.startsWith(inspectionId))).toEqual([
      `${inspectionId}.jsonl`,
    ]);
  });

  // The open journal is checked before every write (size and ctime since the store's last write; the whole file again
  // before signing): one changed on disk meanwhile is never appended to, let alone sealed.
  it('an inspection in progress whose journal is altered while it is open is not written to again', async () => {
    const b = await branch();
    const view = await conductUnsigned(b, { checklistId: 'guard-post' });
    const inspectionId = view.summary.id;
    const file = journalFile(b.dataDir, inspectionId);
    flipByte(file, firstYes(file).at);
    const before = snapshot(b.dataDir, inspectionId);
    for (const [channel, input] of writesTo(inspectionId)) {
      expect(refusal(await b.backend.call(channel, input, b.windows.trainer)).code).toBe('storage');
    }
    expect(snapshot(b.dataDir, inspectionId)).toEqual(before);
  });

  it('`records verify` passes a sealed inspection and fails it once one byte of its photo changes', async () => {
    const b = await branch();
    const signed = await conductSigned(b, { checklistId: 'guard-post', photos });
    await fixtures.stop(b.backend);
    const dir = inspectionsDir(b.dataDir);
    const passing = await cli('records', 'verify', dir, '--data-dir', b.dataDir, '--lang', 'en');
    expect(passing.code, passing.out.join('\n')).toBe(0);
    expect(passing.out[0]).toMatch(new RegExp(`^PASS .*${signed.summary.id}\\.jsonl: `));
    const photo = attachedLine(b.dataDir, signed.summary.id, 'post-at-position');
    flipByte(join(dir, photo.file), 60);
    const failing = await cli('records', 'verify', dir, '--data-dir', b.dataDir, '--lang', 'en');
    expect(failing.code, failing.out.join('\n')).toBe(1);
    const fault = RECORD_MESSAGES.attachmentFault(
      photo.line,
      'post-at-position',
      RECORD_MESSAGES.attachmentDamaged(join(dir, photo.file)),
    );
    expect(failing.out[0]).toMatch(/^FAIL /);
    expect(failing.out[0]).toContain(fault.en);
  });
});

describe('a crash between sealing and registering', () => {
  it('is finished at the next start: the seal registered late and the rectifications opened exactly once', async () => {
    const b = await branch();
    const fail = ['post-attentive', 'dress-tidy'];
    const signed = await conductSigned(b, { checklistId: 'guard-post', fail });
    const inspectionId = signed.summary.id;
    const expectedIds = signed.signedOff!.rectifications.map((r) => r.actionId).sort();
    await fixtures.stop(b.backend);
    // As if the app died right after the seal line was fsynced: no register line, no rectification opened.
    rewriteChainLog(
      inspectionsDir(b.dataDir),
      INSPECTION_LOG_FILE,
      INSPECTION_LOG_FORMAT,
      'inspections.recovered',
      (e) => e.type !== 'inspection.sealed',
    );
    rewriteChainLog(
      join(b.dataDir, 'actions'),
      ACTION_LOG_FILE,
      ACTION_LOG_FORMAT,
      'actions.recovered',
      (e) => e.type !== 'action.opened',
    );
    expect(sealsOf(b.dataDir, inspectionId)).toEqual([]);

    for (let start = 1; start <= 2; start++) {
      const backend = await fixtures.start(b.dataDir);
      await unlockAll(backend, b.users, b.windows);
      const current = { ...b, backend };
      const seals = sealsOf(b.dataDir, inspectionId);
      expect(seals).toHaveLength(1);
      const journal = journalLines(b.dataDir, inspectionId);
      expect(seals[0]!.data).toMatchObject({ head: journal.at(-1)!.hash, events: journal.length, late: true });
      const actions = await rectificationsOf(current, inspectionId);
      expect(actions.map((a) => a.id).sort()).toEqual(expectedIds);
      expect(actions.map((a) => a.spec.source.kind === 'inspection' && a.spec.source.itemId).sort()).toEqual(
        [...fail].sort(),
      );
      const view = await call<InspectionView>(backend, 'inspections.get', { inspectionId }, b.windows.guard);
      expect(view.summary.status).toBe('sealed');
      expect(view.integrity).toEqual({ integrity: 'verified' });
      await fixtures.stop(backend);
    }
    const opened = verifyJournalText(
      readFileSync(join(b.dataDir, 'actions', ACTION_LOG_FILE), 'utf8'),
      nodeJournalCrypto,
      { format: ACTION_LOG_FORMAT },
    ).events.filter((e) => e.type === 'action.opened');
    expect(opened).toHaveLength(fail.length);
  });

  it('after the seal is registered but before the rectifications are opened: they are opened at the next start', async () => {
    const b = await branch();
    const fail = ['post-attentive'];
    const signed = await conductSigned(b, { checklistId: 'guard-post', fail });
    const inspectionId = signed.summary.id;
    await fixtures.stop(b.backend);
    // The register line is there (it names the rectifications' ids); the tracker never got them.
    rewriteChainLog(
      join(b.dataDir, 'actions'),
      ACTION_LOG_FILE,
      ACTION_LOG_FORMAT,
      'actions.recovered',
      (e) => e.type !== 'action.opened',
    );
    expect(sealsOf(b.dataDir, inspectionId)[0]!.data).toMatchObject({
      rectifications: signed.signedOff!.rectifications.map((r) => r.actionId),
    });
    const backend = await fixtures.start(b.dataDir);
    await unlockAll(backend, b.users, b.windows);
    const actions = await rectificationsOf({ ...b, backend }, inspectionId);
    expect(actions.map((a) => a.id)).toEqual(signed.signedOff!.rectifications.map((r) => r.actionId));
    expect(sealsOf(b.dataDir, inspectionId)).toHaveLength(1);
    await fixtures.stop(backend);
  });
});

describe('who sees an inspection', () => {
  const plan = (announced: boolean) => ({
    plan: { checklistId: 'unannounced-inspection', announced, date: '2026-12-10', place: '营业厅', inspectors: ['周'] },
  });

  it('an unannounced one planned ahead is its planner’s alone until it begins; an announced one is everyone’s', async () => {
    const b = await branch();
    const { backend, windows } = b;
    const secret = await call<InspectionSummary>(backend, 'inspections.plan', plan(false), windows.trainer);
    const open = await call<InspectionSummary>(backend, 'inspections.plan', plan(true), windows.trainer);
    const listed = async (window: Caller) =>
      (await call<InspectionSummary[]>(backend, 'inspections.list', {}, window)).map((s) => s.id);

    expect(await listed(windows.trainer)).toEqual(expect.arrayContaining([secret.id, open.id]));
    for (const window of [windows.guard, windows.manager, windows.admin]) {
      expect(await listed(window)).toContain(open.id);
      expect(await listed(window)).not.toContain(secret.id);
    }
    // Hidden is absent: the same answer as an id that never existed.
    const notFound = async (channel: string, input: unknown, window: Caller) =>
      expect(refusal(await backend.call(channel, input, window))).toEqual({
        code: 'not-found',
        message: m.notFound(secret.id),
      });
    for (const window of [windows.manager, windows.admin]) {
      await notFound('inspections.get', { inspectionId: secret.id }, window);
      await notFound('inspections.start', { inspectionId: secret.id }, window);
      await notFound('inspections.cancel', { inspectionId: secret.id, reason: '取消' }, window);
    }
    await notFound('inspections.get', { inspectionId: secret.id }, windows.guard);
    await notFound('inspections.attachment', { inspectionId: secret.id, sha256: 'a'.repeat(64) }, windows.guard);

    // The audit trail does not give away what is coming: the plan's entry names no checklist.
    const audit = await call<{ entries: JournalEvent[] }>(backend, 'audit.list', { limit: 500 }, windows.manager);
    const plannedEntry = (id: string) =>
      audit.entries.find(
        (e) =>
          e.type === 'inspection.changed' &&
          (e.data as { inspectionId: string; action: string }).inspectionId === id &&
          (e.data as { action: string }).action === 'planned',
      )!;
    expect(plannedEntry(open.id).data).toMatchObject({ checklistId: 'unannounced-inspection', announced: true });
    expect(plannedEntry(secret.id).data).toEqual({ inspectionId: secret.id, action: 'planned', announced: false });
    expect(JSON.stringify(plannedEntry(secret.id))).not.toContain('unannounced-inspection');

    // Once the planner begins it, everyone sees it.
    await call(backend, 'inspections.start', { inspectionId: secret.id }, windows.trainer);
    for (const window of [windows.guard, windows.manager, windows.admin]) {
      expect(await listed(window)).toContain(secret.id);
      const view = await call<InspectionView>(backend, 'inspections.get', { inspectionId: secret.id }, window);
      expect(view.summary).toMatchObject({ status: 'in-progress', announced: false });
    }
  });
});

describe('permissions, enforced by the backend', () => {
  const READS = ['inspections.list', 'inspections.get', 'inspections.attachment', 'inspections.scorecard'];
  const WRITES = [
    'inspections.checklists',
    'inspections.checklist',
    'inspections.plan',
    'inspections.cancel',
    'inspections.start',
    'inspections.answer',
    'inspections.note',
    'inspections.attach',
    'inspections.signOff',
    'inspections.reportPdf',
  ];

  it('a guard reads inspections, their photos and the scorecard, and may write nothing; nobody unlocked: locked', async () => {
    const b = await branch();
    const { backend, windows, dataDir } = b;
    // Every inspections channel is one or the other.
    expect(new Set([...READS, ...WRITES])).toEqual(
      new Set(Object.keys(CHANNEL_ACCESS).filter((c) => c.startsWith('inspections.'))),
    );
    const signed = await conductSigned(b, { checklistId: 'guard-post' });
    const inspectionId = signed.summary.id;
    const photo = signed.items['post-at-position']!.attachments[0]!;
    const inputs: Record<string, unknown> = {
      'inspections.list': {},
      'inspections.get': { inspectionId },
      'inspections.attachment': { inspectionId, sha256: photo.sha256 },
      'inspections.scorecard': {},
      'inspections.checklists': {},
      'inspections.checklist': { checklistId: 'guard-post' },
      'inspections.plan': {
        plan: { checklistId: 'guard-post', announced: true, date: '2026-12-10', place: '', inspectors: ['王'] },
      },
      'inspections.cancel': { inspectionId, reason: '' },
      'inspections.start': { checklistId: 'guard-post', announced: true, place: '', inspectors: ['王'] },
      'inspections.answer': { inspectionId, itemId: 'dress-tidy', answer: { kind: 'yes-no', value: 'no' } },
      'inspections.note': { inspectionId, itemId: 'dress-tidy', note: '补记' },
      'inspections.attach': { inspectionId, itemId: 'dress-tidy', file: { name: 'a.png', base64: TINY_PNG_BASE64 } },
      'inspections.signOff': {
        inspectionId,
        summary: '',
        branchRepresentative: '王行长',
        rectifications: [],
        pin: PINS.guard,
      },
      'inspections.reportPdf': { inspectionId },
    };
    const before = snapshot(dataDir, inspectionId);
    for (const channel of READS) {
      const result = await backend.call(channel, inputs[channel], windows.guard);
      expect(result.ok, `${channel} as a guard`).toBe(true);
    }
    const read = await call<{ base64: string; mime: string }>(
      backend,
      'inspections.attachment',
      inputs['inspections.attachment'],
      windows.guard,
    );
    expect(read).toMatchObject({ mime: 'image/png', base64: TINY_PNG_BASE64 });
    for (const channel of WRITES) {
      const result = await backend.call(channel, inputs[channel], windows.guard);
      expect(result.ok ? 'ok' : result.error.code, `${channel} as a guard`).toBe('forbidden');
    }
    const nobody = { sessionId: 'nobody-unlocked' };
    for (const channel of [...READS, ...WRITES]) {
      const result = await backend.call(channel, inputs[channel], nobody);
      expect(result.ok ? 'ok' : result.error.code, `${channel} unlocked by nobody`).toBe('locked');
    }
    expect(snapshot(dataDir, inspectionId)).toEqual(before);
  });
});

describe('the scorecard', () => {
  it('finds the item failed in both inspections of a checklist and how many rectifications were closed on time', async () => {
    const b = await branch();
    const { backend, windows } = b;
    const PAST = '2020-01-01';
    const first = await conductSigned(b, {
      checklistId: 'guard-post',
      fail: ['post-attentive', 'dress-tidy'],
      dues: { 'post-attentive': '2099-12-31', 'dress-tidy': PAST },
    });
    const second = await conductSigned(b, {
      checklistId: 'guard-post',
      fail: ['post-attentive', 'equip-torch'],
      dues: { 'post-attentive': PAST, 'equip-torch': '2099-12-31' },
    });
    const actionOf = (view: InspectionView, itemId: string) =>
      view.signedOff!.rectifications.find((r) => r.itemId === itemId)!.actionId;
    // Closed before its due date, and after it (due long ago); the other two stay open, one of them overdue.
    for (const actionId of [actionOf(first, 'post-attentive'), actionOf(first, 'dress-tidy')]) {
      await call(
        backend,
        'actions.fix',
        { actionId, note: '已整改', files: [{ name: 'fix.png', base64: TINY_PNG_BASE64 }] },
        windows.trainer,
      );
      await call(backend, 'actions.check', { actionId, accepted: true, note: '' }, windows.manager);
    }

    const card = await call<ScorecardView>(backend, 'inspections.scorecard', {}, windows.guard);
    expect(card.recurring).toEqual([
      expect.objectContaining({
        checklistId: 'guard-post',
        itemId: 'post-attentive',
        critical: false,
        failures: 2,
        inspections: 2,
      }),
    ]);
    const item = itemsOf(bundledChecklist('guard-post')).find((i) => i.id === 'post-attentive')!;
    expect(card.recurring[0]!.text['zh-CN']).toBe(item.text['zh-CN']);
    expect(card.series).toEqual([
      expect.objectContaining({
        checklistId: 'guard-post',
        points: [first, second].map((v) =>
          expect.objectContaining({ inspectionId: v.summary.id, percent: v.signedOff!.percent }),
        ),
      }),
    ]);
    expect(card.inspections).toEqual({
      sealed: 2,
      passed: [first, second].filter((v) => v.signedOff!.passed).length,
    });
    expect(card.rectifications).toMatchObject({
      total: 4,
      closedOnTime: 1,
      closedLate: 1,
      openOverdue: 1,
      openInTime: 1,
    });
    // Closed on time among those decided: one of three.
    expect(card.rectifications.onTimeRate).toBeCloseTo((100 * 1) / 3, 1);
  });
});
