// The journal's exhaustive checks, in the soak project (npm test, npm run test:soak; not test:fast): a bit flipped
// at every byte of a sealed journal is found at its line, and a journal cut at every byte reopens to exactly its
// complete lines. Each kind of damage one at a time is in journal.test.ts.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyJournalText } from '../../shared/journal/verify';
import { JournalFile, readJournal } from '../../electron/journal/journalFile';
import { nodeJournalCrypto } from '../../electron/journal/nodeCrypto';
import { loadOrCreateSigningKey } from '../../electron/journal/signingKey';
import { lineStarts, tempDir } from '../support/runJournal';
import { lines, sampleJournal, type Sample } from '../support/journalSample';

const crypto = nodeJournalCrypto;

describe('verifyJournalText: every kind of damage, with its line, byte offset and reason', () => {
  let sample: Sample;
  beforeAll(async () => {
    sample = await sampleJournal({ sealed: true, key: loadOrCreateSigningKey(tempDir('guardbook-key-')) });
  });

  it(
    'fails on a flipped bit at any byte offset, at the line holding the byte, unless the value is unchanged',
    { timeout: 120_000 },
    () => {
      const { bytes } = sample;
      const starts = lineStarts(bytes);
      const original = lines(sample.text).map((l) => JSON.parse(l) as unknown);
      const sameValue: string[] = [];
      let checked = 0;
      for (let offset = 0; offset < bytes.length; offset++) {
        const line = starts.findIndex((s, i) => offset >= s && offset < starts[i + 1]!) + 1;
        for (let bit = 0; bit < 8; bit++) {
          const damaged = Buffer.from(bytes);
          damaged[offset]! ^= 1 << bit;
          const text = damaged.toString('utf8');
          const v = verifyJournalText(text, crypto);
          checked++;
          if (v.ok) {
            // Only acceptable when every line still parses to exactly the original value.
            const parsed = lines(text).map((l) => JSON.parse(l) as unknown);
            expect(parsed, `offset ${offset} bit ${bit} passed with changed content`).toEqual(original);
            const char = (b: Buffer) => JSON.stringify(String.fromCharCode(b[offset]!));
            sameValue.push(`byte ${offset} (line ${line}) bit ${bit}: ${char(bytes)}→${char(damaged)}`);
            continue;
          }
          expect({ offset, bit, line: v.failure!.line, at: v.failure!.offset }).toEqual({
            offset,
            bit,
            line,
            at: starts[line - 1],
          });
          expect(v.events).toEqual(sample.events.slice(0, line - 1));
        }
      }
      process.stdout.write(
        `bit flips: ${checked} checked over ${bytes.length} bytes; ${sameValue.length} left the parsed value identical ` +
          `and were skipped:\n  ${sameValue.join('\n  ')}\n`,
      );
      // The one control character in the note is written as \u001f: its hex letter can change case.
      expect(sameValue).toEqual([expect.stringMatching(/bit 5: "f"→"F"$/)]);
    },
  );
});

describe('reopening after a crash: a torn last line is moved aside, anything else is corruption', () => {
  let sample: Sample;
  beforeAll(async () => {
    sample = await sampleJournal({ sealed: false });
  });

  /** Truncates a copy of the sample at `cut` bytes and opens it. */
  async function openCut(cut: number) {
    const dir = tempDir('guardbook-cut-');
    const path = join(dir, 'run-1.jsonl');
    writeFileSync(path, sample.bytes.subarray(0, cut));
    const { journal, recovered } = await JournalFile.open(path, { now: () => new Date('2026-03-01T12:00:00Z') });
    const events = [...journal.events];
    await journal.close();
    return { dir, path, events, recovered };
  }

  it('recovers exactly the complete lines at every cut after the first line', { timeout: 120_000 }, async () => {
    const starts = lineStarts(sample.bytes);
    let recoveries = 0;
    for (let cut = starts[1]!; cut <= sample.bytes.length; cut++) {
      const complete = starts.filter((s) => s > 0 && s <= cut).length; // lines ending at or before the cut
      const tail = sample.bytes.subarray(starts[complete]!, cut);
      const { dir, path, events, recovered } = await openCut(cut);
      const v = await readJournal(path);
      expect({ cut, ok: v.ok }).toEqual({ cut, ok: true });
      if (tail.length === 0) {
        expect(recovered).toBeUndefined();
        expect(events).toEqual(sample.events.slice(0, complete));
        expect(readFileSync(path)).toEqual(sample.bytes.subarray(0, cut));
        rmSync(dir, { recursive: true });
        continue;
      }
      recoveries++;
      expect(events.slice(0, -1)).toEqual(sample.events.slice(0, complete));
      expect(recovered).toEqual({
        sidecar: expect.stringMatching(/^run-1\.torn-\d+-\d+\.jsonl$/),
        bytes: tail.length,
        reason: 'torn',
      });
      expect(recovered!.sidecar).toMatch(new RegExp(`^run-1\\.torn-${complete + 1}-`));
      expect(readFileSync(join(dir, recovered!.sidecar))).toEqual(tail);
      expect(events.at(-1)).toMatchObject({
        seq: complete + 1,
        type: 'journal.recovered',
        by: 'system',
        at: '2026-03-01T12:00:00.000Z',
        data: recovered,
        prev: sample.events[complete - 1]!.hash,
      });
      expect(v.events).toEqual(events);
      expect(readdirSync(dir).sort()).toEqual(['run-1.jsonl', recovered!.sidecar]);
      rmSync(dir, { recursive: true });
    }
    expect(recoveries).toBe(sample.bytes.length - starts[1]! - (starts.length - 2));
  });
});
