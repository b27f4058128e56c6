// What an operator can do to a run, as validated API input, and whether the run allows it now.
import { z } from 'zod';
import type { Text } from '../plan/findings';
import { SlugSchema } from '../plan/schema';
import type { ReplayContext, RunState } from './runState';

export const RunCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('complete'), step: SlugSchema }),
  z.strictObject({ type: z.literal('choose'), step: SlugSchema, option: SlugSchema }),
  z.strictObject({ type: z.literal('check'), step: SlugSchema, item: SlugSchema }),
  z.strictObject({ type: z.literal('called'), step: SlugSchema, contact: SlugSchema }),
  z.strictObject({ type: z.literal('note'), text: z.string().trim().min(1).max(4000), step: SlugSchema.optional() }),
  z.strictObject({ type: z.literal('abort'), reason: z.string().trim().min(1).max(2000) }),
  z.strictObject({
    type: z.literal('signOff'),
    name: z.string().trim().min(1).max(80),
    note: z.string().trim().max(2000).optional(),
  }),
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
        return {
          'zh-CN': `步骤“${command.step}”现在不能执行此操作`,
          en: `That cannot be done at step "${command.step}" now`,
        };
      }
      return undefined;
    }
    case 'called': {
      if (state.status !== 'active') return finished();
      if (!isActive(command.step)) return notActive(command.step);
      const step = context.steps.get(command.step)?.step;
      const listed = step && 'contacts' in step && (step.contacts ?? []).includes(command.contact);
      if (!listed)
        return {
          'zh-CN': `此步骤没有联系人“${command.contact}”`,
          en: `This step lists no contact "${command.contact}"`,
        };
      return undefined;
    }
    case 'note':
      return state.status === 'sealed' ? sealedText() : undefined;
    case 'abort':
      return state.status === 'active' ? undefined : finished();
    case 'signOff':
      if (state.status === 'active') {
        return { 'zh-CN': '处置尚未结束，不能签字确认', en: 'The run has not ended yet: it cannot be signed off' };
      }
      return state.status === 'ended' ? undefined : { 'zh-CN': '已签字确认', en: 'Already signed off' };
  }
}

const finished = (): Text => ({ 'zh-CN': '本次处置已结束', en: 'This run has ended' });
const sealedText = (): Text => ({ 'zh-CN': '记录已封存，不能再修改', en: 'The record is sealed and cannot change' });
const notActive = (step: string): Text => ({
  'zh-CN': `步骤“${step}”不是当前步骤`,
  en: `Step "${step}" is not a current step`,
});
