// The message catalogue: every backend and shared message, one named entry each, a function of typed params
// returning both languages. Split by area; code imports the area it needs, tests and reviewers read them all here.
// Labels that are data (outcomes, categories, roles, record labels) stay beside their types as `Record<…, Text>`
// maps, and plan-check findings keep their own catalogue (shared/plan/findings.ts).
import { ACTION_MESSAGES } from './actions';
import { API_MESSAGES } from './api';
import { CHECKLIST_DIFF_MESSAGES } from './checklistDiff';
import { CHECKLIST_LIBRARY_MESSAGES } from './checklistLibrary';
import { CLI_MESSAGES } from './cli';
import { DIFF_MESSAGES } from './diff';
import { DRILL_MESSAGES } from './drills';
import { EVENT_MESSAGES } from './events';
import { FILE_MESSAGES } from './files';
import { HQ_MESSAGES } from './hq';
import { INSPECTION_MESSAGES } from './inspections';
import { LIBRARY_MESSAGES } from './library';
import { PEOPLE_MESSAGES } from './people';
import { RECORD_MESSAGES } from './records';
import { RUN_MESSAGES } from './run';
import { SYNC_MESSAGES } from './sync';

export const MESSAGE_CATALOGUES = {
  actions: ACTION_MESSAGES,
  api: API_MESSAGES,
  checklistDiff: CHECKLIST_DIFF_MESSAGES,
  checklistLibrary: CHECKLIST_LIBRARY_MESSAGES,
  cli: CLI_MESSAGES,
  diff: DIFF_MESSAGES,
  drills: DRILL_MESSAGES,
  events: EVENT_MESSAGES,
  files: FILE_MESSAGES,
  hq: HQ_MESSAGES,
  inspections: INSPECTION_MESSAGES,
  library: LIBRARY_MESSAGES,
  people: PEOPLE_MESSAGES,
  records: RECORD_MESSAGES,
  run: RUN_MESSAGES,
  sync: SYNC_MESSAGES,
};
