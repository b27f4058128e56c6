// The child process of the crash test (bundled with esbuild, run with plain node): opens the journal,
// recovering a torn tail, then appends notes of random length until it is killed. Each event's `seq hash`
// is printed the moment its append resolves (written and fsynced); stdout to a pipe is synchronous on Linux,
// so a printed line reaches the parent even when SIGKILL follows at once. Run by `tests/support/crashHarness.ts`.
import { JournalFile } from '../../electron/journal/journalFile';

const [path, label, seedText] = process.argv.slice(2);
if (!path || !label) throw new Error('usage: journalCrashChild <journal> <label> <seed>');

// mulberry32, as in `runs simulate`: the same seed writes the same notes.
let state = Number(seedText ?? 1) >>> 0;
const random = (): number => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

// The parent holds our stdin open: when it closes, the parent is gone (killed, or exited without killing us
// first), and nothing may go on appending to its temporary journal.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();

const { journal, recovered } = await JournalFile.open(path);
process.stdout.write(`open ${journal.events.length}${recovered ? ' recovered' : ''}\n`);
for (let i = 0; ; i++) {
  // Mostly short notes; one in ten up to 4000 characters (≈ 12 KB in UTF-8), spanning pages, so that a kill
  // can land inside a write. Kept small on average: every reopening reads and verifies the whole file.
  const length = 1 + Math.floor(random() * (random() < 0.1 ? 4000 : 200));
  const text = `${label} #${i} ` + (random() < 0.5 ? '记'.repeat(length) : 'x'.repeat(length));
  const event = await journal.append('note.added', 'crash-child', { text: text.slice(0, 4000) });
  process.stdout.write(`${event.seq} ${event.hash}\n`);
  // Appends resolve as microtasks only: without a turn of the event loop the child would never see its stdin
  // close (nor an EPIPE on stdout), and would go on appending for ever once its parent is gone.
  await new Promise((resolve) => setImmediate(resolve));
}
