// The close-out of a live incident (事件后续情况) as the journal records it: losses, casualties, police, who was
// told above, follow-up. Each section is either an explicit "none" or what happened, so an empty section on a
// record always means "not asked", never "forgotten". The form's rules (times, words) are in shared/run/closeOut.ts.
import { z } from 'zod';
import { CLOSE_OUT_LIMITS } from '../limits';
import type { CloseOutSection } from './closeOutSections';

export * from './closeOutSections';

export { CLOSE_OUT_LIMITS };

const At = z.iso.datetime({ offset: true });
const none = z.strictObject({ none: z.literal(true) });
const text = (max: number) => z.string().trim().min(1).max(max);
const count = z.number().int().min(0).max(CLOSE_OUT_LIMITS.people);

export const LossesSchema = z.discriminatedUnion('none', [
  none,
  z.strictObject({
    none: z.literal(false),
    text: text(CLOSE_OUT_LIMITS.text),
    amountYuan: z
      .number()
      .min(0)
      .max(CLOSE_OUT_LIMITS.amountYuan)
      .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { message: 'at most 2 decimals (fen)' })
      .optional(),
  }),
]);

export const CasualtiesSchema = z.discriminatedUnion('none', [
  none,
  z
    .strictObject({
      none: z.literal(false),
      injured: count,
      dead: count,
      text: z.string().trim().max(CLOSE_OUT_LIMITS.text).optional(),
    })
    .refine((c) => c.injured + c.dead > 0, { message: 'injured or dead must be at least 1', path: ['injured'] }),
]);

/** `none`: the police were not called. */
export const PoliceSchema = z.discriminatedUnion('none', [
  none,
  z.strictObject({
    none: z.literal(false),
    calledAt: At,
    arrivedAt: At.optional(),
    receiptNo: z.string().trim().min(1).max(CLOSE_OUT_LIMITS.receiptNo).optional(),
    text: z.string().trim().max(CLOSE_OUT_LIMITS.text).optional(),
  }),
]);

export const ReportEntrySchema = z.strictObject({
  to: text(CLOSE_OUT_LIMITS.reportTo),
  at: At,
  how: text(CLOSE_OUT_LIMITS.reportHow),
});

export const ReportsSchema = z.discriminatedUnion('none', [
  none,
  z.strictObject({ none: z.literal(false), entries: z.array(ReportEntrySchema).min(1).max(CLOSE_OUT_LIMITS.reports) }),
]);

export const FollowUpSchema = z.discriminatedUnion('none', [
  none,
  z.strictObject({ none: z.literal(false), text: text(CLOSE_OUT_LIMITS.text) }),
]);

export const CloseOutSchema = z.strictObject({
  losses: LossesSchema,
  casualties: CasualtiesSchema,
  police: PoliceSchema,
  reports: ReportsSchema,
  followUp: FollowUpSchema,
});
export type CloseOut = z.infer<typeof CloseOutSchema>;
// The sections and their labels are plain constants in ./closeOutSections (the record screens need no schema).
const sectionsMatch: [CloseOutSection] extends [keyof CloseOut]
  ? [keyof CloseOut] extends [CloseOutSection]
    ? true
    : false
  : false = true;
void sectionsMatch;
