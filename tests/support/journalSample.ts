// The sample run journal the journal tests damage, cut and reopen (tests/electron/journal.test.ts and the
// exhaustive journalExhaustive.test.ts): a started run, a few ordinary events, optionally ended, signed off and sealed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JournalEvent } from '../../shared/journal/format';
import { JournalFile } from '../../electron/journal/journalFile';
import { loadOrCreateSigningKey, type SigningKey } from '../../electron/journal/signingKey';
import { startedData, tempDir, tickingClock } from './runJournal';

/** The unsealed part of the sample: a few ordinary events after `run.started`. */
export async function writeSampleEvents(journal: JournalFile): Promise<void> {
  await journal.append('step.completed', '张三', { step: 'raise-alarm' });
  await journal.append('checklist.ticked', '李四', { step: 'observe', item: 'face' });
  // A control character makes canonical JSON write `\u001f`: flipping `f`→`F` there keeps the value.
  await journal.append('note.added', '李四', { text: '嫌疑人向北逃离 \u001f', step: 'observe' });
  await journal.append('step.overdue', 'system', {
    step: 'observe',
    due: '2026-03-01T08:01:00.000Z',
    targetSeconds: 60,
  });
  await journal.append('contact.called', '张三', { step: 'call-police', contact: 'police', phone: '110' });
}

export async function seal(journal: JournalFile, key: SigningKey): Promise<void> {
  await journal.append('run.ended', 'system', { outcome: 'handed-to-police', endStep: 'handed-over' });
  await journal.append('run.signedOff', '王五', { name: '王五', note: '已核对' });
  const head = journal.head;
  await journal.append('run.sealed', 'system', {
    head,
    signature: key.sign(head),
    publicKey: key.publicKey,
    keyId: key.keyId,
  });
}

export interface Sample {
  dir: string;
  path: string;
  bytes: Buffer;
  text: string;
  events: JournalEvent[];
}

export async function sampleJournal(options: { sealed: boolean; key?: SigningKey }): Promise<Sample> {
  const dir = tempDir();
  const path = join(dir, 'run-1.jsonl');
  const journal = await JournalFile.create(path, '张三', startedData(), { now: tickingClock() });
  await writeSampleEvents(journal);
  if (options.sealed) await seal(journal, options.key ?? loadOrCreateSigningKey(dir));
  const events = [...journal.events];
  await journal.close();
  const bytes = readFileSync(path);
  return { dir, path, bytes, text: bytes.toString('utf8'), events };
}

export const lines = (text: string): string[] => text.split('\n').slice(0, -1);
