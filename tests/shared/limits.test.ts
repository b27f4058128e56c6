// Limits live once in shared/limits.ts: the schemas enforce exactly them, and every form's maxLength is one of them
// (no number typed into a form, so a form and its schema cannot drift apart).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { channels } from '../../shared/api/channels';
import { CloseOutSchema } from '../../shared/journal/closeOutSchema';
import { journalEventData } from '../../shared/journal/events';
import {
  ABORT_REASON_MAX,
  BRANCH_CODE_MAX,
  BRANCH_NAME_MAX,
  CLOSE_OUT_LIMITS,
  NOTE_MAX,
  PHONE_PATTERN,
  PIN_MAX_LENGTH,
  PIN_MIN_LENGTH,
  RECORD_OPERATOR_MAX,
  RECORD_SEARCH_MAX,
  SIGN_OFF_NAME_MAX,
  SIGN_OFF_NOTE_MAX,
  SLUG_MAX,
  USER_NAME_MAX,
} from '../../shared/limits';
import { isValidPin } from '../../shared/people/pinRules';
import { ContactSchema, SlugSchema } from '../../shared/plan/schema';
import { RecordQuerySchema } from '../../shared/records/recordQuery';
import { RunCommandSchema } from '../../shared/run/commands';
import { SettingsPatchSchema } from '../../shared/settings/schema';

const RENDERER = join(import.meta.dirname, '../../renderer/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Accepts a string of exactly `max` characters and refuses one more, built into the input by `at`. */
function expectMax(schema: z.ZodType, max: number, at: (value: string) => unknown): void {
  expect(schema.safeParse(at('x'.repeat(max))).success, `${max} characters are accepted`).toBe(true);
  expect(schema.safeParse(at('x'.repeat(max + 1))).success, `${max + 1} characters are refused`).toBe(false);
}

describe('limits shared by forms and schemas', () => {
  it('leaves no number in any form’s maxLength or minLength', () => {
    const literals = sourceFiles(RENDERER).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\b(?:maxLength|minLength)\s*(?:=\s*\{|:)\s*\d/g)].map(
        (m) => `${file.slice(RENDERER.length + 1)}: ${m[0]}`,
      ),
    );
    expect(literals).toEqual([]);
  });

  it('gives each form the limit its schema enforces', () => {
    const forms: Record<string, string[]> = {
      'run/Notes.tsx': ['NOTE_MAX'],
      'run/AbortControl.tsx': ['ABORT_REASON_MAX'],
      'run/SignOff.tsx': ['SIGN_OFF_NAME_MAX', 'SIGN_OFF_NOTE_MAX'],
      'run/CloseOutForm.tsx': ['CLOSE_OUT_LIMITS.receiptNo', 'CLOSE_OUT_LIMITS.reportTo', 'CLOSE_OUT_LIMITS.reportHow'],
      'screens/SettingsScreen.tsx': ['BRANCH_NAME_MAX', 'BRANCH_CODE_MAX', 'TIME_ZONE_NAME_MAX'],
      'screens/UsersScreen.tsx': ['USER_NAME_MAX'],
      'people/PinFields.tsx': ['PIN_MAX_LENGTH'],
      'people/PinDialog.tsx': ['PIN_MAX_LENGTH'],
      'records/RecordFilterBar.tsx': ['RECORD_SEARCH_MAX', 'RECORD_OPERATOR_MAX'],
    };
    for (const [file, limits] of Object.entries(forms)) {
      const source = readFileSync(join(RENDERER, file), 'utf8');
      for (const limit of limits) {
        expect(source, `${file} uses ${limit} as a maxLength`).toMatch(
          new RegExp(`maxLength(?:=\\{|: )${limit.replace('.', '\\.')}\\b`),
        );
      }
    }
  });

  it('has the run commands and their journal events enforce the same lengths', () => {
    expectMax(RunCommandSchema, NOTE_MAX, (text) => ({ type: 'note', text }));
    expectMax(journalEventData['note.added'], NOTE_MAX, (text) => ({ text }));
    expectMax(RunCommandSchema, ABORT_REASON_MAX, (reason) => ({ type: 'abort', reason }));
    expectMax(journalEventData['run.aborted'], ABORT_REASON_MAX, (reason) => ({ reason }));
    expectMax(RunCommandSchema, SIGN_OFF_NAME_MAX, (name) => ({ type: 'signOff', name }));
    expectMax(RunCommandSchema, SIGN_OFF_NOTE_MAX, (note) => ({ type: 'signOff', name: '王芳', note }));
    expectMax(journalEventData['run.signedOff'], SIGN_OFF_NAME_MAX, (name) => ({ name, verified: false }));
  });

  it('has users, settings and the records filter enforce theirs', () => {
    expectMax(channels['users.add'].input, USER_NAME_MAX, (name) => ({ name, role: 'guard', pin: '135790' }));
    expectMax(SettingsPatchSchema, BRANCH_NAME_MAX, (name) => ({ branch: { name } }));
    expectMax(SettingsPatchSchema, BRANCH_CODE_MAX, (code) => ({ branch: { code } }));
    expectMax(RecordQuerySchema, RECORD_SEARCH_MAX, (text) => ({ text }));
    expectMax(RecordQuerySchema, RECORD_OPERATOR_MAX, (operator) => ({ operator }));
  });

  it('has the close-out enforce its field limits', () => {
    const police = (receiptNo: string) => ({
      losses: { none: true },
      casualties: { none: true },
      police: { none: false, calledAt: '2026-03-01T08:00:00+08:00', receiptNo },
      reports: { none: true },
      followUp: { none: true },
    });
    expectMax(CloseOutSchema, CLOSE_OUT_LIMITS.receiptNo, police);
  });

  it('has PINs, ids and phone numbers follow one rule each', () => {
    expect(isValidPin('1357924680'.slice(0, PIN_MIN_LENGTH))).toBe(true);
    expect(isValidPin('1357924680'.slice(0, PIN_MIN_LENGTH - 1))).toBe(false);
    expect(isValidPin('135792468013'.slice(0, PIN_MAX_LENGTH))).toBe(true);
    expect(isValidPin('1357924680135'.slice(0, PIN_MAX_LENGTH + 1))).toBe(false);
    expect(SlugSchema.safeParse('a'.repeat(SLUG_MAX)).success).toBe(true);
    expect(SlugSchema.safeParse('a'.repeat(SLUG_MAX + 1)).success).toBe(false);
    for (const phone of ['110', '+86 (10) 6512-3456']) {
      expect(PHONE_PATTERN.test(phone)).toBe(true);
      expect(ContactSchema.safeParse({ id: 'police', name: { 'zh-CN': '派出所' }, phone }).success).toBe(true);
    }
    expect(PHONE_PATTERN.test('call 110')).toBe(false);
    expect(ContactSchema.safeParse({ id: 'police', name: { 'zh-CN': '派出所' }, phone: 'call 110' }).success).toBe(
      false,
    );
  });
});
