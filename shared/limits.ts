// Every limit a form and a schema both enforce — lengths, counts, patterns, header names — defined once here, so
// an input's maxLength and the zod schema that judges it can never disagree. Imports nothing: every folder may use it.

/** A note added during a run (`note` command, `note.added` event). */
export const NOTE_MAX = 4000;
/** Why a run was aborted (`abort` command, `run.aborted` event). */
export const ABORT_REASON_MAX = 2000;
/** Who signs a record off, and the note they may add. */
export const SIGN_OFF_NAME_MAX = 80;
export const SIGN_OFF_NOTE_MAX = 2000;

/** The close-out of a live incident (shared/journal/closeOutSchema.ts, renderer/src/run/CloseOutForm.tsx). */
export const CLOSE_OUT_LIMITS = {
  /** Free text of a section (losses, casualties, police outcome, follow-up). */
  text: 2000,
  receiptNo: 40,
  reportTo: 80,
  reportHow: 200,
  reports: 20,
  /** Injured or dead, each. */
  people: 999,
  /** Losses in yuan (a branch's cash and equipment stay far below this). */
  amountYuan: 1_000_000_000,
} as const;

/** A plan's change note (why it changed), a reviewer's comment, a retirement's reason. */
export const DRAFT_NOTE_MAX = 2000;
/** An imported plan file's name as shown and recorded. */
export const PLAN_FILE_NAME_MAX = 200;

/** A user's display name. */
export const USER_NAME_MAX = 40;

/** An improvement action (shared/actions/actionLog.ts): its title, its owner's name, a note on a change. */
/** An inspection (shared/inspections/): its texts, its attachments and how many inspectors it names. */
export const INSPECTION_LIMITS = {
  place: 120,
  inspector: 80,
  inspectors: 10,
  note: 2000,
  textAnswer: 2000,
  summary: 4000,
  cancelReason: 500,
  fileName: 200,
  /** One photo or file, decoded: a phone camera's photo at full size, not a video. */
  attachmentBytes: 8 * 1024 * 1024,
  attachmentsPerItem: 10,
  /** Kinds of file an inspection or a rectification may carry as evidence. */
  attachmentTypes: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
} as const;

/** An improvement action or rectification: its texts, and how many evidence files one fix report carries. */
export const ACTION_LIMITS = { title: 500, owner: 80, note: 2000, evidenceFiles: 3 } as const;

/** A drill exercise (shared/drills/exercise.ts): its texts and how many of each part it may have. */
export const EXERCISE_LIMITS = {
  title: 120,
  scenario: 4000,
  /** An objective, an inject's text, the action it expects. */
  text: 1000,
  objectives: 50,
  participants: 100,
  evaluators: 20,
  injects: 200,
  /** Scenario time of an inject: up to a day. */
  injectSeconds: 86_400,
  cancelReason: 2000,
} as const;
/** A PIN is 6 to 12 ASCII digits (the other rules are in shared/people/pinRules.ts, which re-exports these). */
export const PIN_MIN_LENGTH = 6;
export const PIN_MAX_LENGTH = 12;
/** What the API accepts as a PIN to check: longer than any valid PIN, so a wrong one is refused as wrong, not as malformed. */
export const PIN_INPUT_MAX = 32;

/** The branch in Settings: its name and its code. */
export const BRANCH_NAME_MAX = 80;
export const BRANCH_CODE_MAX = 32;
/** An IANA time zone name in Settings (Asia/Shanghai). */
export const TIME_ZONE_NAME_MAX = 64;
/** A phone number in a plan or in Settings: digits, spaces, +, - and brackets. */
export const PHONE_PATTERN = /^[0-9+\-() ]{2,24}$/;

/** The branch's contact directory in Settings: how many contacts, and each one's fields. */
export const DIRECTORY_CONTACTS_MAX = 200;
export const CONTACT_NAME_MAX = 80;
export const CONTACT_ROLE_MAX = 80;
/** A contact has 1 to 4 numbers; the first is the one to dial. */
export const CONTACT_PHONES_MIN = 1;
export const CONTACT_PHONES_MAX = 4;
export const CONTACT_NOTES_MAX = 500;

/** Ids (plans, steps, roles, contacts) are slugs: lower-case letters and digits, single hyphens between. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX = 64;
/** Run ids name journal files: letters, digits and hyphens only (no path can be smuggled in). */
export const RUN_ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/;

/** The records list: its search text, operator filter and date bounds. */
export const RECORD_SEARCH_MAX = 200;
export const RECORD_OPERATOR_MAX = 80;
export const RECORD_RANGE_BOUND_MAX = 40;

/** The browser edition's headers: the session token of the printed address, and the tab's own session id. */
export const TOKEN_HEADER = 'x-guardbook-token';
export const SESSION_HEADER = 'x-guardbook-session';
export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
/** `WWW-Authenticate` on a 401 for a missing or wrong token (see electron/web/httpGuards.ts). */
export const TOKEN_CHALLENGE = 'Guardbook-Token';
