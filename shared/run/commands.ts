// What an operator can do to a run, as validated API input, and whether the run allows it now.
import { z } from 'zod';
import type { Text } from '../text';
import { RUN_MESSAGES as m } from '../messages/run';
import { ABORT_REASON_MAX, NOTE_MAX, SIGN_OFF_NAME_MAX, SIGN_OFF_NOTE_MAX } from '../limits';
import { SlugSchema } from '../plan/schema';
import { PinInputSchema } from '../people/session';
import { CloseOutSchema } from './closeOut';
import type { ReplayContext, RunState } from './runState';
import { closeOutRequired } from './closeOutRequired';

export { closeOutRequired };

export const RunCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('complete'), step: SlugSchema }),
  z.strictObject({ type: z.literal('choose'), step: SlugSchema, option: SlugSchema }),
  z.strictObject({ type: z.literal('check'), step: SlugSchema, item: SlugSchema }),
  z.strictObject({ type: z.literal('called'), step: SlugSchema, contact: SlugSchema }),
  z.strictObject({
    type: z.literal('note'),
    text: z.string().trim().min(1).max(NOTE_MAX),
    step: SlugSchema.optional(),
  }),
  z.strictObject({ type: z.literal('abort'), reason: z.string().trim().min(1).max(ABORT_REASON_MAX) }),
  /**
   * With `pin`, the backend checks the signer's PIN (as for unlocking) and records them as verified under their own
   * name; without, the typed name is recorded as unverified. The PIN never reaches the journal.
   */
  z.strictObject({
    type: z.literal('signOff'),
    name: z.string().trim().min(1).max(SIGN_OFF_NAME_MAX),
    note: z.string().trim().max(SIGN_OFF_NOTE_MAX).optional(),
    pin: z.strictObject({ userId: SlugSchema, pin: PinInputSchema }).optional(),
  }),
  z.strictObject({ type: z.literal('closeOut'), closeOut: CloseOutSchema }),
]);
export type RunCommand = z.infer<typeof RunCommandSchema>;

/** The operator command that makes one of the moves a run offers (`RunView.available`). */
export function commandFor(
  move:
    | { type: 'COMPLETE'; step: string }
    | { type: 'CHOOSE'; step: string; option: string }
    | { type: 'CHECK'; step: string; item: string },
): RunCommand {
  switch (move.type) {
    case 'COMPLETE':
      return { type: 'complete', step: move.step };
    case 'CHOOSE':
      return { type: 'choose', step: move.step, option: move.option };
    case 'CHECK':
      return { type: 'check', step: move.step, item: move.item };
  }
}

/** Why a command is refused now, or undefined when the run allows it. */
export function refusalOf(command: RunCommand, state: RunState, context: ReplayContext): Text | undefined {
  const isActive = (step: string) => state.active.some((a) => a.step === step);
  switch (command.type) {
    case 'complete':
    case 'choose':
    case 'check': {
      if (state.status !== 'active') return finished();
      const event =
        command.type === 'complete'
          ? { type: 'COMPLETE' as const, step: command.step }
          : command.type === 'choose'
            ? { type: 'CHOOSE' as const, step: command.step, option: command.option }
            : { type: 'CHECK' as const, step: command.step, item: command.item };
      if (!isActive(command.step)) return notActive(command.step);
      if (!state.snapshot.can(event)) {
        return m.notAllowedAtStep(command.step);
      }
      return undefined;
    }
    case 'called': {
      if (state.status !== 'active') return finished();
      if (!isActive(command.step)) return notActive(command.step);
      const step = context.steps.get(command.step)?.step;
      const listed = step && 'contacts' in step && (step.contacts ?? []).includes(command.contact);
      if (!listed) return m.noSuchContact(command.contact);
      return undefined;
    }
    case 'note':
      return state.status === 'sealed' ? sealedText() : undefined;
    case 'abort':
      return state.status === 'active' ? undefined : finished();
    case 'signOff':
      if (state.status === 'active') {
        return m.notEndedCannotSignOff();
      }
      if (state.status !== 'ended') return m.alreadySignedOff();
      // A live incident's record is evidence: what followed (losses, casualties, police, reports, follow-up) is
      // part of it, so it is filled in, each section at least as an explicit "none", before the record is sealed.
      if (closeOutRequired(state) && !state.closeOut) {
        return m.closeOutFirst();
      }
      return undefined;
    case 'closeOut':
      if (state.mode !== 'incident') {
        return m.drillHasNoCloseOut();
      }
      if (state.status === 'active') {
        return m.closeOutAfterEnd();
      }
      return state.status === 'ended' ? undefined : sealedText();
  }
}

const finished = m.runFinished;
const sealedText = m.recordSealed;
const notActive = m.notCurrentStep;
