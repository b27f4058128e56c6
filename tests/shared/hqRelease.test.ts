// Head office's plan releases as a branch checks them: signed over the whole statement with the installation key of
// head office, verified only with the key the branch pinned; a changed scope, flag, date or content, another key, or
// a file that is not a plan are each refused with their own reason.
import { generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLANS_DIR } from '../../electron/build/projectPaths';
import { nodeJournalCrypto } from '../../electron/journal/nodeCrypto';
import { contentHashOf } from '../../electron/plans/contentHash';
import { inScope, releaseStatement, type PlanRelease, type ReleaseScope } from '../../shared/hq/release';
import { verifyRelease, type ReceivedRelease } from '../../shared/hq/verifyRelease';
import type { Plan } from '../../shared/plan/schema';

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: (publicKey.export({ format: 'der', type: 'spki' }) as Buffer).toString('base64'),
    sign: (message: string) => sign(null, Buffer.from(message, 'utf8'), privateKey).toString('base64'),
  };
}

const headOffice = keyPair();
const robbery = JSON.parse(readFileSync(join(PLANS_DIR, 'armed-robbery.json'), 'utf8')) as Plan;
const v2: Plan = { ...robbery, version: 2, title: { ...robbery.title, 'zh-CN': '持械抢劫（总行 2027 版）' } };
const content = JSON.stringify(v2, null, 2);

function released(overrides: Partial<PlanRelease> = {}, signer = headOffice): ReceivedRelease {
  const release: PlanRelease = {
    planId: v2.id,
    version: 2,
    contentHash: contentHashOf(v2),
    scope: { kind: 'regions', regions: ['east', 'north'] },
    mandatory: true,
    effectiveDate: '2027-01-15',
    ...overrides,
  };
  return { release, content, signature: signer.sign(releaseStatement(release)) };
}

describe('verifyRelease', () => {
  it('accepts a release signed with the pinned key, whose content is the plan and hash released', () => {
    const check = verifyRelease(released(), headOffice.publicKey, nodeJournalCrypto);
    expect(check.ok && check.plan.title['zh-CN']).toBe('持械抢劫（总行 2027 版）');
  });

  it('refuses one signed with any other key, naming the pinned key', () => {
    const check = verifyRelease(released({}, keyPair()), headOffice.publicKey, nodeJournalCrypto);
    expect(check).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(!check.ok && check.message['zh-CN']).toContain('总行公钥');
  });

  it('refuses a release whose scope, flag, date, version or hash was changed after signing', () => {
    const good = released();
    const changes: Partial<PlanRelease>[] = [
      { scope: { kind: 'all' } },
      { scope: { kind: 'regions', regions: ['east', 'north', 'west'] } },
      { mandatory: false },
      { effectiveDate: '2027-01-01' },
      { version: 3 },
      { contentHash: `sha256:${'0'.repeat(64)}` },
    ];
    for (const change of changes) {
      const tampered = { ...good, release: { ...good.release, ...change } };
      expect(verifyRelease(tampered, headOffice.publicKey, nodeJournalCrypto)).toMatchObject({
        reason: 'bad-signature',
      });
    }
  });

  it('signs a scope whatever order its regions or branches are listed in', () => {
    const good = released();
    const reordered = {
      ...good,
      release: { ...good.release, scope: { kind: 'regions' as const, regions: ['north', 'east'] } },
    };
    expect(verifyRelease(reordered, headOffice.publicKey, nodeJournalCrypto).ok).toBe(true);
  });

  it('refuses content other than what was signed, and a file that is not a plan', () => {
    const good = released();
    const edited = JSON.stringify({ ...v2, summary: { ...v2.summary, en: 'changed' } });
    expect(verifyRelease({ ...good, content: edited }, headOffice.publicKey, nodeJournalCrypto)).toMatchObject({
      reason: 'content-mismatch',
    });
    expect(
      verifyRelease({ ...good, content: '{"not": "a plan"}' }, headOffice.publicKey, nodeJournalCrypto),
    ).toMatchObject({
      reason: 'not-a-plan',
    });
  });

  it('refuses everything until a key is pinned', () => {
    expect(verifyRelease(released(), undefined, nodeJournalCrypto)).toMatchObject({ reason: 'no-pinned-key' });
  });

  it('any change to a signed statement breaks its signature (property)', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.integer({ min: 1, max: 99 }),
        fc.constantFrom('all', 'regions', 'branches'),
        (mandatory, version, kind) => {
          const scope: ReleaseScope =
            kind === 'all'
              ? { kind: 'all' }
              : kind === 'regions'
                ? { kind: 'regions', regions: ['east'] }
                : { kind: 'branches', branches: ['sh-0001'] };
          const release: PlanRelease = { ...released().release, mandatory, version, scope };
          const signature = headOffice.sign(releaseStatement(release));
          const flipped = { ...release, mandatory: !mandatory };
          return (
            nodeJournalCrypto.verifySignature(headOffice.publicKey, releaseStatement(release), signature) &&
            !nodeJournalCrypto.verifySignature(headOffice.publicKey, releaseStatement(flipped), signature)
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('inScope', () => {
  const east = { code: 'sh-0001', region: 'east' };
  it('all, a region, or named branches', () => {
    expect(inScope({ kind: 'all' }, east)).toBe(true);
    expect(inScope({ kind: 'regions', regions: ['east'] }, east)).toBe(true);
    expect(inScope({ kind: 'regions', regions: ['west'] }, east)).toBe(false);
    expect(inScope({ kind: 'branches', branches: ['sh-0001'] }, east)).toBe(true);
    expect(inScope({ kind: 'branches', branches: ['sh-0002'] }, east)).toBe(false);
  });
});
