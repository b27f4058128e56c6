// The child process of the publish crash test (bundled with esbuild and run with plain node, as
// journalCrashChild.ts is): opens the branch library on a data folder and publishes one plan over and over —
// revise → save a visible change → submit → approve (self-approval allowed) — until it is killed. Each
// publication's `version hash` is printed once `approve` has returned; stdout to a pipe is synchronous on Linux,
// so a printed line reaches the parent even when SIGKILL follows at once. Run by tests/electron/publishCrash.test.ts.
import { BranchLibrary } from '../../electron/plans/branchLibrary';
import type { PersonRef } from '../../shared/library/libraryLog';

const [dataDir, templatesDir, planId, label] = process.argv.slice(2);
if (!dataDir || !templatesDir || !planId || !label) {
  throw new Error('usage: publishCrashChild <data folder> <templates folder> <plan id> <label>');
}
const MANAGER: PersonRef = { userId: 'crash-manager', name: '演练主管' };

// The parent holds our stdin open: when it closes, the parent is gone, and nothing may go on publishing into its
// temporary data folder.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();

const library = await BranchLibrary.open({ dataDir, templatesDir, installation: 'publish-crash-child' });
process.stdout.write(`open ${library.get(planId).summary.version}\n`);
for (let i = 0; ; i++) {
  // A draft left by a killed predecessor is taken over as it is: still in review, it is approved as submitted.
  let { draft } = library.revise(planId, MANAGER);
  if (draft.status !== 'in-review') {
    const summary = { 'zh-CN': `演练修订 ${label} 第 ${i} 次`, en: `Drill revision ${label} #${i}` };
    library.saveDraft(planId, { ...draft.plan, summary }, draft.revision, MANAGER);
    draft = library.submit(planId, `${label} #${i}`, MANAGER).draft;
  }
  const { publication } = library.approve(planId, MANAGER, draft.submitted!.contentHash, true);
  process.stdout.write(`${publication.version} ${publication.contentHash}\n`);
  // Every call above is synchronous: without a turn of the event loop the child would never see its stdin close.
  await new Promise((resolve) => setImmediate(resolve));
}
