// Inspections conducted through the API from a page (its session must be unlocked as a trainer or above): for tests of
// the screens that read them (report, scorecard, Records, rectifications), not of conducting one (inspections.spec.ts).
import type { Page } from '@playwright/test';
import { TINY_PNG_BASE64 } from '../../support/photos';
import { apiOk } from './people';

interface Item {
  id: string;
  kind: 'yes-no' | 'score' | 'number' | 'text';
  max?: number;
  min?: number;
  photo?: boolean;
  critical?: boolean;
  passAt?: number;
}

interface View {
  summary: { id: string };
  body: { sections: { items: Item[] }[] };
}

/** A passing answer to an item, or a failing one. */
function answerFor(item: Item, fail: boolean) {
  switch (item.kind) {
    case 'yes-no':
      return { kind: 'yes-no', value: fail ? 'no' : 'yes' };
    case 'score':
      return { kind: 'score', value: fail ? 0 : item.max! };
    case 'number':
      return {
        kind: 'number',
        value: fail ? (item.max !== undefined ? item.max + 1000 : (item.min ?? 0) - 1000) : (item.min ?? item.max ?? 0),
      };
    case 'text':
      return { kind: 'text', value: '情况正常' };
  }
}

export interface Conducted {
  inspectionId: string;
  /** The rectifications opened for the failed items, in item order. */
  actionIds: string[];
}

/**
 * Begins an inspection of `checklistId`, answers every item (those in `fail` failing), photographs every item that
 * must be (and each failed one), and signs it with `pin`, each failed item's rectification owned by `owner`.
 */
export async function conductInspection(
  page: Page,
  options: {
    checklistId: string;
    fail: readonly string[];
    pin: string;
    owner: { userId?: string; name: string };
    due?: string;
    announced?: boolean;
    inspectors?: string[];
  },
): Promise<Conducted> {
  const view = await apiOk<View>(page, 'inspections.start', {
    checklistId: options.checklistId,
    announced: options.announced ?? true,
    place: '营业厅',
    inspectors: options.inspectors ?? ['陈培训'],
  });
  const inspectionId = view.summary.id;
  for (const item of view.body.sections.flatMap((s) => s.items)) {
    const fail = options.fail.includes(item.id);
    await apiOk(page, 'inspections.answer', { inspectionId, itemId: item.id, answer: answerFor(item, fail) });
    if (item.photo || fail) {
      await apiOk(page, 'inspections.attach', {
        inspectionId,
        itemId: item.id,
        file: { name: `${item.id}.png`, base64: TINY_PNG_BASE64 },
      });
    }
  }
  const signed = await apiOk<{ signedOff: { rectifications: { actionId: string }[] } }>(page, 'inspections.signOff', {
    inspectionId,
    summary: '总体情况良好，个别问题需整改。',
    branchRepresentative: '王行长',
    rectifications: options.fail.map((itemId) => ({
      itemId,
      owner: options.owner,
      due: options.due ?? '2030-01-31',
      evidence: '整改后照片',
    })),
    pin: options.pin,
  });
  return { inspectionId, actionIds: signed.signedOff.rectifications.map((r) => r.actionId) };
}
