// The checklist format's closed vocabularies: plain constants apart from the schema (./schema builds its enums from
// them), so screens can name them without building a schema on their first load.
import { text, type Text } from '../text';

/** What a template is for, in the order the inspection list offers them. */
export const CHECKLIST_USES = ['daily', 'guard-post', 'alarm-test', 'cash-in-transit', 'inspection', 'other'] as const;
export type ChecklistUse = (typeof CHECKLIST_USES)[number];

export const CHECKLIST_USE_LABELS: Readonly<Record<ChecklistUse, Text>> = {
  daily: text('每日安全检查', 'Daily security check'),
  'guard-post': text('保安在岗检查', 'Guard post check'),
  'alarm-test': text('报警联动测试', 'Alarm link test'),
  'cash-in-transit': text('押运交接检查', 'Cash-in-transit handover'),
  inspection: text('明查暗访', 'Announced / unannounced inspection'),
  other: text('其他检查', 'Other check'),
};

/**
 * How an item is answered: yes / no / not applicable; a score from 0 to `max`; a number that must lie within limits
 * (alarm response seconds); free text (recorded, never scored).
 */
export const ITEM_KINDS = ['yes-no', 'score', 'number', 'text'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const CHECKLIST_SCHEMA_VERSION = 1;
