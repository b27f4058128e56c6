// `plans history <plan-id>`: every published version of a plan in the branch library, with author, approver, time,
// change note and hash, and whether its file still verifies. Reads the library's log without a lock (the app may
// be running) and creates nothing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIBRARY_LOG_FORMAT, libraryStateOf, offeredVersion, type Publication } from '../../shared/library/libraryLog';
import { VERSION_SOURCE_LABELS } from '../../shared/library/labels';
import { LIBRARY_MESSAGES as m } from '../../shared/messages/library';
import { CLI_MESSAGES } from '../../shared/messages/cli';
import { checkPlanText } from '../../shared/plan/checkPlanText';
import type { Language } from '../../shared/plan/schema';
import { effectiveTimeZone, formatLocalIso } from '../../shared/time/localTime';
import { verifyChainFile } from '../journal/chainLog';
import { LIBRARY_DIR, LIBRARY_LOG_FILE } from '../plans/branchLibrary';
import { contentHashOf } from '../plans/contentHash';
import { savedTimeZone } from '../settings/settingsFile';
import { dataFolderExists, dataFolderOf, defineCommand, parseCommandArgs } from './args';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliIo } from './io';
import { languageOf } from './plansCommands';

export const PLANS_HISTORY = defineCommand({
  name: 'plans history',
  forms: [
    {
      synopsis: 'plans history <plan-id> [--data-dir DIR] [--json] [--lang zh-CN|en]',
      about: [
        "list a plan's published versions: author, approver, time, change note, hash;",
        'exit 0 when every version file verifies, 1 otherwise',
      ],
    },
  ],
  options: { json: { type: 'boolean' }, lang: { type: 'string' }, 'data-dir': { type: 'string' } },
  dataFolder: true,
});

export async function plansHistory(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(PLANS_HISTORY, argv, io);
  if (!args) return EXIT_OK;
  const lang = languageOf(args.values.lang);
  if (args.positionals.length !== 1) throw new UsageError('plans history takes one plan id');
  const planId = args.positionals[0]!;
  const folder = dataFolderOf(args.values['data-dir']);
  if (!dataFolderExists(folder, io)) return EXIT_FINDINGS;
  const libraryDir = join(folder.dir, LIBRARY_DIR);
  const logFile = join(libraryDir, LIBRARY_LOG_FILE);
  if (!existsSync(logFile)) {
    io.err(m.noLibrary(logFile)[lang]);
    return EXIT_FINDINGS;
  }
  const verification = verifyChainFile(logFile, LIBRARY_LOG_FORMAT);
  const history = libraryStateOf(verification.events).plans.get(planId);
  if (!history) {
    io.err(m.planNotInLibrary(planId)[lang]);
    return EXIT_FINDINGS;
  }
  const offered = offeredVersion(history);
  const versions = history.versions.map((v) => ({
    ...v,
    offered: v === offered,
    fileCheck: checkVersionFile(libraryDir, v),
  }));
  const allVerify = versions.every((v) => v.fileCheck === 'ok') && verification.ok;
  if (args.values.json) {
    io.out(
      JSON.stringify(
        { planId, logVerified: verification.ok, versions, ...(history.retired ? { retired: history.retired } : {}) },
        null,
        2,
      ),
    );
    return allVerify ? EXIT_OK : EXIT_FINDINGS;
  }
  const zone = effectiveTimeZone(savedTimeZone(folder.dir));
  for (const v of versions) io.out(describeVersion(v, zone, lang));
  if (history.retired) {
    const r = history.retired;
    io.out(m.historyRetired(r.version, formatLocalIso(r.at, zone), r.by.name, r.note)[lang]);
  }
  if (!verification.ok) io.out(m.historyLogDamaged(verification.failure!.line)[lang]);
  io.out(CLI_MESSAGES.timesLocalTo(zone)[lang]);
  return allVerify ? EXIT_OK : EXIT_FINDINGS;
}

type FileCheck = 'ok' | 'missing' | 'damaged';

function checkVersionFile(libraryDir: string, v: Publication): FileCheck {
  let text: string;
  try {
    text = readFileSync(join(libraryDir, v.file), 'utf8');
  } catch {
    return 'missing';
  }
  const { plan } = checkPlanText(text);
  return plan && contentHashOf(plan) === v.contentHash ? 'ok' : 'damaged';
}

function describeVersion(
  v: Publication & { offered: boolean; fileCheck: FileCheck },
  zone: string,
  lang: Language,
): string {
  const head = [
    `${v.offered ? '*' : ' '} v${v.version}`,
    formatLocalIso(v.at, zone),
    v.contentHash,
    VERSION_SOURCE_LABELS[v.source][lang],
    v.fileCheck === 'ok' ? '' : (v.fileCheck === 'missing' ? m.historyFileMissing() : m.historyFileDamaged())[lang],
  ].filter(Boolean);
  const who = [
    v.author ? m.historyAuthor(v.author.name)[lang] : '',
    v.approver ? m.historyApprover(v.approver.name, v.selfApproved)[lang] : '',
    v.derivedFrom ? m.historyDerivedFrom(v.derivedFrom.version)[lang] : '',
  ].filter(Boolean);
  return [
    head.join('  '),
    ...(who.length > 0 ? [`    ${who.join('; ')}`] : []),
    ...(v.note ? [`    ${v.note}`] : []),
  ].join('\n');
}
