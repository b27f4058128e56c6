// The seal register's line format: every seal this installation made, in the journals' line format and hash
// chain, kept apart from the journals. A journal shorter than its registered seal, or different from it, was
// cut back or rewritten; a registered run is never resumed or sealed again.
import { z } from 'zod';
import type { Text } from '../text';
import { RUN_ID_PATTERN } from '../limits';
import { RECORD_MESSAGES } from '../messages/records';
import type { JournalEvent } from './format';
import type { ChainFormat, JournalVerification } from './verify';

const HashSchema = z.string().regex(/^[0-9a-f]{64}$/);

export const sealRegisterData = {
  /** The first line; names a damaged register kept aside before this one was started. */
  'register.started': z.object({
    installation: z.string(),
    afterDamaged: z.object({ file: z.string(), line: z.number().int(), reason: z.string() }).optional(),
  }),
  /**
   * A seal: the run, how many events its journal holds with the seal, and the seal line's hash. `late`: found
   * sealed at start-up but not registered (a crash between sealing and registering, or a folder from before
   * the register); `carried`: taken over from the readable part of a damaged register.
   */
  'seal.registered': z.object({
    runId: z.string().regex(RUN_ID_PATTERN),
    events: z.number().int().min(1),
    head: HashSchema,
    sealedAt: z.string(),
    keyId: z.string(),
    late: z.boolean().optional(),
    carried: z.string().optional(),
  }),
  'register.recovered': z.object({ sidecar: z.string(), bytes: z.number().int(), reason: z.string() }),
} as const;

export const SEAL_REGISTER_FORMAT: ChainFormat = { firstType: 'register.started', dataSchemas: sealRegisterData };

export type RegisteredSeal = z.infer<(typeof sealRegisterData)['seal.registered']>;

/** The seals in a register's entries, by run id (the first registration wins; a run is registered once). */
export function sealsOf(entries: readonly JournalEvent[]): Map<string, RegisteredSeal> {
  const seals = new Map<string, RegisteredSeal>();
  for (const entry of entries) {
    if (entry.type !== 'seal.registered') continue;
    const seal = entry.data as RegisteredSeal;
    if (!seals.has(seal.runId)) seals.set(seal.runId, seal);
  }
  return seals;
}

export interface RegisterMismatch {
  /** 1-based line of the journal where it departs from the registered seal (one past its end when cut short). */
  line: number;
  reason: 'cut-after-seal' | 'differs-from-seal';
  message: Text;
}

/**
 * How a journal departs from its registered seal, if it does. The journal's own verification may have stopped
 * early (damage); the events it did verify are compared with the register.
 */
export function registerMismatch(
  verification: Pick<JournalVerification, 'events' | 'ok' | 'failure'>,
  seal: Pick<RegisteredSeal, 'events' | 'head' | 'sealedAt'>,
  sealType = 'run.sealed',
): RegisterMismatch | undefined {
  const { events } = verification;
  const at = events[seal.events - 1];
  // A line altered before the seal already says what happened; "cut back" would only be said of the lines after it.
  const cut = verification.ok || verification.failure?.reason === 'torn' || verification.failure?.reason === 'bad-json';
  if (!at && !cut) return undefined;
  if (!at) {
    return {
      line: events.length + 1,
      reason: 'cut-after-seal',
      message: RECORD_MESSAGES.cutAfterSeal(seal.sealedAt, seal.events, events.length),
    };
  }
  if (at.hash !== seal.head || at.type !== sealType) {
    return {
      line: seal.events,
      reason: 'differs-from-seal',
      message: RECORD_MESSAGES.differsFromSeal(seal.events, seal.head.slice(0, 12)),
    };
  }
  return undefined;
}
