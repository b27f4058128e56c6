// `records verify`: checks journals anyone hands over (auditors get exported files): chain, numbering, seal.
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { attachmentsOf, INSPECTION_FORMAT } from '../../shared/inspections/inspection';
import {
  foldInspectionLog,
  INSPECTION_LOG_FILE,
  INSPECTION_LOG_FORMAT,
  INSPECTIONS_DIR,
} from '../../shared/inspections/inspectionLog';
import { RECORD_MESSAGES } from '../../shared/messages/records';
import type { Text } from '../../shared/text';
import { attachmentProblem } from '../files/attachmentStore';
import type { Language } from '../../shared/plan/schema';
import { RUN_JOURNAL_FORMAT, verifyJournalText, type JournalVerification } from '../../shared/journal/verify';
import { EVALUATION_FORMAT } from '../../shared/drills/evaluation';
import { EXERCISE_LOG_FILE, EXERCISE_LOG_FORMAT, foldExercises } from '../../shared/drills/exerciseLog';
import { DRILLS_DIR } from '../drills/exerciseStore';
import { EVALUATIONS_DIR } from '../drills/evaluationStore';
import { CLI_MESSAGES as m } from '../../shared/messages/cli';
import { RunExportSchema } from '../../shared/records/jsonExport';
import { INDEX_FILE } from '../records/runIndex';
import { nodeJournalCrypto } from '../journal/nodeCrypto';
import { fingerprintOf, readPublicKey } from '../journal/signingKey';
import { readSealRegister } from '../journal/sealRegister';
import { registerMismatch, type RegisterMismatch } from '../../shared/journal/sealRegister';
import { witnessLines } from './witnessLines';
import { defineCommand, parseCommandArgs } from './args';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliIo } from './io';
import { languageOf } from './plansCommands';

interface FileResult {
  file: string;
  verification?: JournalVerification;
  /** How the journal departs from its registered seal (`--data-dir`), if it does. */
  mismatch?: RegisterMismatch;
  error?: string;
  /** The seal was checked against the key inside the export file, not one given separately. */
  keySource?: 'export';
  /** An inspection's photo or file missing beside it, or holding other bytes than its record's hash. */
  fileFailure?: { line: number; reason: 'attachment-missing' | 'attachment-differs'; message: Text };
}

type RecordKind = 'run' | 'evaluation' | 'inspection';
const FORMATS = { run: RUN_JOURNAL_FORMAT, evaluation: EVALUATION_FORMAT, inspection: INSPECTION_FORMAT } as const;

/** A `.json` export carries the journal verbatim and its public key; anything else is a journal file. */
function journalOf(file: string, text: string): { journal: string; bundledKey?: string } {
  if (!file.endsWith('.json')) return { journal: text };
  const parsed = RunExportSchema.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw Object.assign(new Error('not a Guardbook run export'), { code: 'not a Guardbook run export' });
  return { journal: parsed.data.journal, ...(parsed.data.publicKey ? { bundledKey: parsed.data.publicKey } : {}) };
}

export const RECORDS_VERIFY = defineCommand({
  name: 'records verify',
  forms: [
    {
      synopsis: [
        'records verify <file|dir>... [--key FILE | --data-dir DIR] [--fingerprint F]',
        '[--json] [--lang zh-CN|en]',
      ],
      about: [
        'verify run journals, drill evaluations and inspections (with their photos);',
        'exit 0 all intact, 1 any damaged;',
        "against a data folder's key and seal register only when",
        '--data-dir names it (GUARDBOOK_DATA_DIR is not used here)',
      ],
    },
  ],
  options: {
    json: { type: 'boolean' },
    lang: { type: 'string' },
    key: { type: 'string' },
    'data-dir': { type: 'string' },
    fingerprint: { type: 'string' },
  },
});

/**
 * Checks files handed over (exports, copies of journals), so what to trust is said on the command line: a data
 * folder's key and register are used only when `--data-dir` names one, never taken from the environment. Reads
 * only: the folder named is not written to.
 */
export async function recordsVerify(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(RECORDS_VERIFY, argv, io);
  if (!args) return EXIT_OK;
  const lang = languageOf(args.values.lang);
  if (args.positionals.length === 0)
    throw new UsageError('records verify needs at least one journal file or directory');
  const dataDir = args.values['data-dir'];
  if (dataDir === '') throw new UsageError('--data-dir needs a folder');
  const trustedKeys = await trustedKeysFrom(args.values.key, dataDir);
  const pinned = args.values.fingerprint;
  // The key in a folder (or a file) is only as good as its fingerprint: an auditor pins it from paper.
  if (pinned !== undefined && trustedKeys && !sameFingerprint(fingerprintOf(trustedKeys[0]!), pinned)) {
    io.out(`FAIL ${m.keyFingerprintMismatch()[lang]}: ${fingerprintOf(trustedKeys[0]!)} ≠ ${pinned}`);
    return EXIT_FINDINGS;
  }
  const register = dataDir ? readSealRegister(dataDir) : undefined;
  const evaluationSeals = dataDir ? readEvaluationSeals(dataDir) : undefined;
  const inspectionSeals = dataDir ? readInspectionSeals(dataDir) : undefined;
  const results: FileResult[] = [];
  for (const file of await journalFiles(args.positionals)) {
    try {
      const { journal, bundledKey } = journalOf(file, (await readFile(file)).toString('utf8'));
      // Without a key given separately, an export is checked against the key it carries: that proves it is
      // intact and self-consistent, not who sealed it (the output says which).
      const keys = trustedKeys ?? (bundledKey ? [bundledKey] : undefined);
      if (pinned !== undefined && !trustedKeys && bundledKey && !sameFingerprint(fingerprintOf(bundledKey), pinned)) {
        results.push({ file, error: `key fingerprint ${fingerprintOf(bundledKey)} ≠ ${pinned}` });
        continue;
      }
      // A run's journal, a drill's evaluation (registered on the drills log) or an inspection (registered on the
      // inspections log, its photos beside it): sealed the same way, checked by the same verifier.
      const kind = kindOf(journal);
      const format = FORMATS[kind];
      const verification = verifyJournalText(journal, nodeJournalCrypto, {
        format,
        ...(keys ? { trustedKeys: keys } : {}),
      });
      const started = verification.events[0]?.data as
        { runId?: string; exerciseId?: string; inspectionId?: string } | undefined;
      const registered =
        kind === 'evaluation'
          ? started?.exerciseId
            ? evaluationSeals?.get(started.exerciseId)
            : undefined
          : kind === 'inspection'
            ? started?.inspectionId
              ? inspectionSeals?.get(started.inspectionId)
              : undefined
            : started?.runId
              ? register?.seals.get(started.runId)
              : undefined;
      const mismatch = registered ? registerMismatch(verification, registered, format.sealType) : undefined;
      const fileFailure = kind === 'inspection' ? attachmentFailure(file, verification) : undefined;
      results.push({
        file,
        verification,
        ...(mismatch ? { mismatch } : {}),
        ...(fileFailure ? { fileFailure } : {}),
        ...(trustedKeys ? {} : bundledKey ? { keySource: 'export' as const } : {}),
      });
    } catch (error) {
      results.push({ file, error: (error as NodeJS.ErrnoException).code ?? String(error) });
    }
  }
  // The data folder's own runs folder: a registered seal whose journal is not there was deleted.
  const runsDir = dataDir ? resolve(dataDir, 'runs') : undefined;
  if (register && runsDir && args.positionals.some((p) => resolve(p) === runsDir)) {
    const present = new Set(results.map((r) => basename(r.file, '.jsonl')));
    for (const seal of register.seals.values()) {
      if (!present.has(seal.runId)) {
        results.push({
          file: join(runsDir, `${seal.runId}.jsonl`),
          error: `missing: sealed ${seal.sealedAt} with ${seal.events} events, registered head ${seal.head}`,
        });
      }
    }
  }
  // The data folder's inspections folder: a sealed inspection whose journal is not there was deleted.
  const inspectionsDir = dataDir ? resolve(dataDir, INSPECTIONS_DIR) : undefined;
  if (inspectionSeals && inspectionsDir && args.positionals.some((p) => resolve(p) === inspectionsDir)) {
    const present = new Set(results.map((r) => basename(r.file, '.jsonl')));
    for (const [inspectionId, seal] of inspectionSeals) {
      if (!present.has(inspectionId)) {
        results.push({
          file: join(inspectionsDir, `${inspectionId}.jsonl`),
          error: `missing: sealed ${seal.sealedAt} with ${seal.events} events, registered head ${seal.head}`,
        });
      }
    }
  }
  // The data folder's evaluations folder: a sealed evaluation whose journal is not there was deleted.
  const evaluationsDir = dataDir ? resolve(dataDir, DRILLS_DIR, EVALUATIONS_DIR) : undefined;
  if (evaluationSeals && evaluationsDir && args.positionals.some((p) => resolve(p) === evaluationsDir)) {
    const present = new Set(results.map((r) => basename(r.file, '.jsonl')));
    for (const [exerciseId, seal] of evaluationSeals) {
      if (!present.has(exerciseId)) {
        results.push({
          file: join(evaluationsDir, `${exerciseId}.jsonl`),
          error: `missing: sealed ${seal.sealedAt} with ${seal.events} events, registered head ${seal.head}`,
        });
      }
    }
  }
  if (args.values.json) {
    io.out(
      JSON.stringify(
        results.map((r) => ({
          file: display(r.file),
          ...(r.verification ? summarise({ ...r, verification: r.verification }) : { ok: false, error: r.error }),
        })),
        null,
        2,
      ),
    );
  } else {
    for (const r of results)
      io.out(formatResult(r, lang, trustedKeys !== undefined ? 'pinned' : (r.keySource ?? 'none')));
    if (dataDir) for (const line of witnessLines(dataDir, lang)) io.out(line);
    else if (trustedKeys) io.out(`${m.keyFingerprintUsed()[lang]}: ${fingerprintOf(trustedKeys[0]!)}`);
  }
  return results.every((r) => r.verification?.ok && !r.mismatch && !r.fileFailure) ? EXIT_OK : EXIT_FINDINGS;
}

function summarise(r: FileResult & { verification: JournalVerification }) {
  const v = r.verification;
  const registerFailure = r.mismatch
    ? { line: r.mismatch.line, offset: v.intactBytes, reason: r.mismatch.reason, message: r.mismatch.message }
    : undefined;
  const first = v.events[0];
  const data = first?.data as
    | {
        plan?: { id: string; version: number; contentHash: string };
        checklist?: { id: string; version: number; contentHash: string };
      }
    | undefined;
  // What the record followed: a run's (or evaluation's) plan version, an inspection's checklist version.
  const plan = data?.plan ?? data?.checklist;
  return {
    ok: v.ok && !r.mismatch && !r.fileFailure,
    events: v.events.length,
    firstAt: first?.at,
    lastAt: v.events.at(-1)?.at,
    plan: plan ? { id: plan.id, version: plan.version, contentHash: plan.contentHash } : undefined,
    seal: v.seal,
    keyId: v.keyId,
    ...(v.publicKey ? { fingerprint: fingerprintOf(v.publicKey) } : {}),
    failure: v.failure ?? registerFailure ?? (r.fileFailure ? { ...r.fileFailure, offset: v.intactBytes } : undefined),
  };
}

function formatResult(r: FileResult, lang: Language, key: 'pinned' | 'export' | 'none'): string {
  const file = display(r.file);
  if (!r.verification && r.error?.startsWith('missing: ')) {
    const detail = r.error.slice('missing: '.length);
    return `FAIL ${file}: ${m.journalMissingButRegistered()[lang]} (${detail})`;
  }
  if (!r.verification) return `FAIL ${file}: ${m.cannotRead()[lang]} (${r.error})`;
  const s = summarise({ ...r, verification: r.verification });
  const seal = (
    s.seal === 'valid'
      ? m.sealValid(s.keyId ?? '', KEY_NOTE[key])
      : s.seal === 'none'
        ? m.notSealed()
        : m.sealNotValid()
  )[lang];
  const plan = s.plan ? `${s.plan.id} v${s.plan.version} ${s.plan.contentHash}` : '?';
  const head = `${s.ok ? 'PASS' : 'FAIL'} ${file}: ${m.eventCount(s.events)[lang]}, ${s.firstAt ?? '?'} → ${s.lastAt ?? '?'}, ${plan}, ${seal}`;
  if (s.ok || !s.failure) return head;
  const f = s.failure;
  return `${head}\n  ${m.lineAt(f.line, f.offset)[lang]}: ${f.reason} — ${f.message[lang]}`;
}

const KEY_NOTE = { pinned: m.keyTrusted(), export: m.keyMatchesExport(), none: m.keyNotChecked() } as const;

async function trustedKeysFrom(keyFile?: string, dataDir?: string): Promise<string[] | undefined> {
  if (keyFile) return [(await readFile(keyFile, 'utf8')).trim()];
  if (dataDir) {
    const key = readPublicKey(dataDir);
    if (!key) throw new UsageError(`no installation key in ${dataDir}/keys`);
    return [key];
  }
  return undefined;
}

async function journalFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) {
      const names = (await readdir(path))
        .filter(
          (n) =>
            // The inspections log beside the inspections is their register, read through --data-dir, not a record.
            (n.endsWith('.jsonl') && !n.includes('.torn-') && n !== INSPECTION_LOG_FILE) ||
            (n.endsWith('.json') && n !== INDEX_FILE),
        )
        .sort();
      files.push(...names.map((n) => join(path, n)));
    } else files.push(path);
  }
  return files;
}

function display(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

/** Fingerprints compare without regard to spaces and case, as they are read out or copied from paper. */
function sameFingerprint(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/[\s:]/g, '').toLowerCase();
  return norm(a) === norm(b);
}

/** What a journal's first line says it is: a drill's evaluation, an inspection, else a run's journal. */
function kindOf(journal: string): RecordKind {
  try {
    const type = (JSON.parse(journal.slice(0, journal.indexOf('\n'))) as { type?: unknown }).type;
    if (type === EVALUATION_FORMAT.firstType) return 'evaluation';
    if (type === INSPECTION_FORMAT.firstType) return 'inspection';
  } catch {
    // not JSON: read as a run's journal, whose verification says where it breaks
  }
  return 'run';
}

/** The first photo or file an inspection names that is missing beside it or holds other bytes than its hash. */
function attachmentFailure(file: string, verification: JournalVerification): FileResult['fileFailure'] {
  for (const { itemId, attachment, line } of attachmentsOf(verification.events)) {
    const problem = attachmentProblem(dirname(file), attachment);
    if (!problem) continue;
    const path = join(dirname(file), attachment.file);
    const fault =
      problem === 'missing' ? RECORD_MESSAGES.attachmentMissing(path) : RECORD_MESSAGES.attachmentDamaged(path);
    return {
      line,
      reason: problem === 'missing' ? 'attachment-missing' : 'attachment-differs',
      message: RECORD_MESSAGES.attachmentFault(line, itemId, fault),
    };
  }
  return undefined;
}

/** Each inspection's seal as the inspections log registered it (the log read, never written). */
function readInspectionSeals(dataDir: string): Map<string, { events: number; head: string; sealedAt: string }> {
  const seals = new Map<string, { events: number; head: string; sealedAt: string }>();
  const file = join(dataDir, INSPECTIONS_DIR, INSPECTION_LOG_FILE);
  if (!existsSync(file)) return seals;
  const { events } = verifyJournalText(readFileSync(file, 'utf8'), nodeJournalCrypto, {
    format: INSPECTION_LOG_FORMAT,
  });
  for (const entry of foldInspectionLog(events)) {
    if (entry.sealed) {
      seals.set(entry.id, { events: entry.sealed.events, head: entry.sealed.head, sealedAt: entry.sealed.at });
    }
  }
  return seals;
}

/** Each evaluation's seal as the drills log registered it, by exercise (the log read, never written). */
function readEvaluationSeals(dataDir: string): Map<string, { events: number; head: string; sealedAt: string }> {
  const seals = new Map<string, { events: number; head: string; sealedAt: string }>();
  const file = join(dataDir, DRILLS_DIR, EXERCISE_LOG_FILE);
  if (!existsSync(file)) return seals;
  const { events } = verifyJournalText(readFileSync(file, 'utf8'), nodeJournalCrypto, { format: EXERCISE_LOG_FORMAT });
  for (const exercise of foldExercises(events)) {
    const seal = exercise.evaluationSeal;
    if (seal) seals.set(exercise.id, { events: seal.events, head: seal.head, sealedAt: seal.at });
  }
  return seals;
}
