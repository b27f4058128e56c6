// A sealed record as a branch sends it and head office checks it: the push built from the journal file, verified
// with the branch's enrolled key; another key, another id, another head, a changed byte or a summary that is not
// the journal's each fail with the reason named.
import { readFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nodeJournalCrypto } from '../../electron/journal/nodeCrypto';
import { loadOrCreateSigningKey } from '../../electron/journal/signingKey';
import { checkReceivedRecord, recordPushOf, summaryOfRecord } from '../../shared/hq/receivedRecord';
import { backendFixtures } from '../support/backends';
import { conductSigned, inspectionBranch, journalFile } from '../support/inspectionBranch';
import { sampleJournal } from '../support/journalSample';

const crypto = nodeJournalCrypto;
const otherKey = () =>
  (generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }) as Buffer).toString('base64');

describe('a run as sent to head office', () => {
  it('verifies with the key it was sealed with, its summary the journal’s', async () => {
    const sample = await sampleJournal({ sealed: true });
    const key = loadOrCreateSigningKey(sample.dir);
    const push = recordPushOf('run', sample.text, crypto)!;
    expect(push).toMatchObject({ kind: 'run', recordId: 'run-1', headHash: sample.events.at(-1)!.hash });
    expect(push.summary).toMatchObject({
      planId: sample.events[0]!.data && (sample.events[0]!.data as { plan: { id: string } }).plan.id,
      startedAt: sample.events[0]!.at,
      endedAt: sample.events.at(-1)!.at,
    });
    expect(checkReceivedRecord(push, key.publicKey, crypto)).toEqual({ status: 'verified' });
  });

  it('fails when sealed with another key than the branch enrolled', async () => {
    const sample = await sampleJournal({ sealed: true });
    const push = recordPushOf('run', sample.text, crypto)!;
    const check = checkReceivedRecord(push, otherKey(), crypto);
    // The seal line is where it fails: its key is not one head office trusts for this branch.
    expect(check.status === 'failed' && check.reason).toMatch(/line 9: .*key/);
  });

  it('fails on a changed byte, naming the line', async () => {
    const sample = await sampleJournal({ sealed: true });
    const key = loadOrCreateSigningKey(sample.dir);
    const push = recordPushOf('run', sample.text, crypto)!;
    const tampered = { ...push, journal: push.journal.replace('嫌疑人向北逃离', '嫌疑人向南逃离') };
    const check = checkReceivedRecord(tampered, key.publicKey, crypto);
    expect(check.status === 'failed' && check.reason).toMatch(/line 4/);
  });

  it('fails when the id, the head or a summary column is not the journal’s', async () => {
    const sample = await sampleJournal({ sealed: true });
    const key = loadOrCreateSigningKey(sample.dir);
    const push = recordPushOf('run', sample.text, crypto)!;
    const reasonOf = (changed: typeof push) => {
      const check = checkReceivedRecord(changed, key.publicKey, crypto);
      return check.status === 'failed' ? check.reason : 'verified';
    };
    expect(reasonOf({ ...push, recordId: 'run-2' })).toContain('run-2');
    expect(reasonOf({ ...push, headHash: '0'.repeat(64) })).toContain('head hash');
    expect(reasonOf({ ...push, summary: { ...push.summary, isDrill: !push.summary.isDrill } })).toContain('isDrill');
    expect(reasonOf({ ...push, summary: { ...push.summary, category: 'fire' } })).toContain('category');
    // A time PostgreSQL hands back in its own rendering is the same instant.
    const rendered = new Date(push.summary.startedAt!).toISOString().replace('Z', '+00:00');
    expect(reasonOf({ ...push, summary: { ...push.summary, startedAt: rendered } })).toBe('verified');
  });

  it('an unsealed journal is not sent', async () => {
    const sample = await sampleJournal({ sealed: false });
    expect(recordPushOf('run', sample.text, crypto)).toBeNull();
  });
});

describe('an inspection as sent to head office', () => {
  const fixtures = backendFixtures('guardbook-received-');
  it('carries its checklist, score and verdict, and verifies with the installation key', async () => {
    const dataDir = fixtures.tempDir();
    const b = await inspectionBranch(await fixtures.start(dataDir), dataDir);
    const signed = await conductSigned(b, { checklistId: 'guard-post', fail: [] });
    const text = readFileSync(journalFile(dataDir, signed.summary.id), 'utf8');
    const push = recordPushOf('inspection', text, crypto)!;
    expect(push.recordId).toBe(signed.summary.id);
    expect(push.summary).toMatchObject({
      planId: 'guard-post',
      planVersion: signed.summary.checklist?.version,
      score: signed.score.percent,
      passed: true,
    });
    expect(summaryOfRecord('inspection', [])).toMatchObject({ planId: null, startedAt: null });
    expect(checkReceivedRecord(push, push.seal.publicKey, crypto)).toEqual({ status: 'verified' });
    // Sent as the wrong kind, it does not verify.
    expect(checkReceivedRecord({ ...push, kind: 'run' }, push.seal.publicKey, crypto).status).toBe('failed');
  });
});
