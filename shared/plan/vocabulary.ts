// The plan format's closed vocabularies (languages, categories, severities, locations, outcomes): plain constants,
// apart from the schema (./schema builds its enums from these), so the renderer's first load builds no schema.

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** In the order the launcher shows them: threats to life first. */
export const CATEGORIES = [
  'robbery',
  'hostage',
  'fire',
  'medical',
  'violence',
  'suspicious-item',
  'cash-in-transit',
  'natural-disaster',
  'outage',
  'atm-tampering',
  'fraud',
  'cyber',
  'other',
] as const;

/** Categories where noise or anything flashing endangers staff: analysis warns when such a plan is not `silent`. */
export const SILENT_CATEGORIES: readonly (typeof CATEGORIES)[number][] = ['robbery', 'hostage'];

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;

/** Where in a branch a plan applies (营业厅, 自助银行, 现金库房, 押运交接区). */
export const LOCATIONS = ['business-hall', 'self-service', 'cash-vault', 'cash-handover'] as const;

export const OUTCOMES = [
  'resolved',
  'evacuated',
  'handed-to-police',
  'handed-to-fire',
  'handed-to-medical',
  'escalated',
  'false-alarm',
] as const;
