// `checklists check`, run in-process on files in a temporary folder: the output and exit codes of `plans check`
// (file:line:column, the item id, the path, the code), a folder, --json, two contents for one version, usage; and
// the generated checklist.schema.json kept in step with the zod schema.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, usage } from '../../electron/cli/main';
import { CHECKLIST_JSON_SCHEMA_FILE, checklistJsonSchemaText } from '../../shared/checklist/jsonSchema';

const SCHEMA_FILE = fileURLToPath(new URL(`../../plans/checklists/${CHECKLIST_JSON_SCHEMA_FILE}`, import.meta.url));
const PLAN_FIXTURE = fileURLToPath(new URL('../fixtures/plans/sketch-robbery.json', import.meta.url));

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });
/** A small template that checks clean. */
const TEMPLATE = {
  $schema: './checklist.schema.json',
  schemaVersion: 1,
  kind: 'checklist',
  id: 'guard-post-sample',
  version: 1,
  use: 'guard-post',
  title: text('保安在岗检查（样例）', 'Guard post check (sample)'),
  summary: text('检查保安在岗与装备。', 'The guard is at the post and equipped.'),
  sections: [
    {
      id: 'post',
      title: text('岗位', 'Post'),
      items: [
        { id: 'on-post', kind: 'yes-no', text: text('保安在岗', 'The guard is at the post'), critical: true },
        { id: 'equipment', kind: 'score', text: text('装备齐全', 'Equipment complete'), max: 5, passAt: 3 },
        { id: 'notes', kind: 'text', text: text('备注', 'Notes') },
      ],
    },
  ],
};

type Json = Record<string, unknown>;

function variant(change: (doc: typeof TEMPLATE) => void): string {
  const doc = structuredClone(TEMPLATE);
  change(doc);
  return JSON.stringify(doc, null, 2) + '\n';
}

const equipment = (doc: typeof TEMPLATE) => doc.sections[0]!.items[1] as Json;
/** Version 2, with passAt above max (an error) and a blank English text (a warning). */
const BROKEN = variant((d) => {
  d.version = 2;
  equipment(d).passAt = 6;
  d.sections[0]!.items[2]!.text.en = '';
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

/** Line and column (1-based) of `value`, on the first line where it follows `key`. */
function valueAt(source: string, key: string, value: string): string {
  const lines = source.split('\n');
  const line = lines.findIndex((l) => l.includes(key + value));
  return `${line + 1}:${lines[line]!.indexOf(key + value) + key.length + 1}`;
}

let dir: string;
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'guardbook-checklists-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('checklists check', () => {
  it('passes a valid template with exit 0 and a summary line', async () => {
    const r = await cli(
      'checklists',
      'check',
      file(
        'good.json',
        variant(() => {}),
      ),
      '--lang',
      'en',
    );
    expect(r).toMatchObject({ code: 0, out: ['checked 1 file: 0 errors, 0 warnings'], err: [] });
  });

  it('prints one line per finding with file, line, column, item id, path and code, and exits 1', async () => {
    const path = file('broken.json', BROKEN);
    const r = await cli('checklists', 'check', path, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.out).toEqual([
      `${path}:${valueAt(BROKEN, '"passAt": ', '6')}: error equipment (sections[0].items[1].passAt): ` +
        'passAt 6 is above max 5: this item can never pass [pass-above-max]',
      `${path}:${valueAt(BROKEN, '"en": ', '""')}: warning notes (sections[0].items[2].text.en): ` +
        'Missing English (en) text [missing-translation]',
      'checked 1 file: 1 error, 1 warning',
    ]);
  });

  it('speaks Chinese by default', async () => {
    const r = await cli('checklists', 'check', file('broken.json', BROKEN));
    expect(r.out[0]).toContain('错误 equipment (sections[0].items[1].passAt): 合格分 6 高于满分 5');
    expect(r.out.at(-1)).toBe('已检查 1 个文件：1 个错误，1 个警告');
  });

  it('exits 0 when there are only warnings', async () => {
    const warned = variant((d) => (d.title.en = ''));
    const r = await cli('checklists', 'check', file('warned.json', warned), '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out.at(-1)).toBe('checked 1 file: 0 errors, 1 warning');
  });

  it('gives the line and column of a JSON syntax error', async () => {
    const cut = BROKEN.slice(0, BROKEN.indexOf('"sections"'));
    const path = file('cut.json', cut);
    const r = await cli('checklists', 'check', path, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.out[0]).toMatch(new RegExp(`^${path}:${cut.split('\n').length}:\\d+: error: Not valid JSON: `));
  });

  it('checks every template in a folder (not the JSON Schema), refuses a plan and a missing file, as JSON', async () => {
    const folder = mkdtempSync(join(dir, 'folder-'));
    writeFileSync(
      join(folder, 'good.json'),
      variant(() => {}),
    );
    writeFileSync(join(folder, 'broken.json'), BROKEN);
    writeFileSync(join(folder, 'notes.txt'), 'not a template');
    copyFileSync(SCHEMA_FILE, join(folder, CHECKLIST_JSON_SCHEMA_FILE));
    copyFileSync(PLAN_FIXTURE, join(folder, 'plan.json'));
    const r = await cli('checklists', 'check', folder, join(folder, 'missing.json'), '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out.join('\n')) as {
      files: {
        file: string;
        valid: boolean;
        findings: { code: string; path: string; itemId?: string; line?: number; message: Json }[];
      }[];
      errors: number;
      warnings: number;
    };
    expect(report.files.map((f) => [f.file.split(/[\\/]/).pop(), f.valid])).toEqual([
      ['broken.json', false],
      ['good.json', true],
      ['plan.json', false],
      ['missing.json', false],
    ]);
    expect(report).toMatchObject({ errors: 3, warnings: 1 });
    const [broken, , plan, missing] = report.files;
    expect(broken!.findings[0]).toMatchObject({
      code: 'pass-above-max',
      itemId: 'equipment',
      line: Number(valueAt(BROKEN, '"passAt": ', '6').split(':')[0]),
      message: { 'zh-CN': expect.any(String), en: expect.any(String) },
    });
    expect(plan!.findings.map((f) => [f.code, f.path])).toEqual([['schema', 'kind']]);
    expect(missing!.findings.map((f) => f.code)).toEqual(['unreadable']);
  });

  it('refuses two contents for one template version, naming the other file; identical copies are fine', async () => {
    const folder = mkdtempSync(join(dir, 'versions-'));
    writeFileSync(
      join(folder, 'a.json'),
      variant(() => {}),
    );
    writeFileSync(
      join(folder, 'b.json'),
      variant(() => {}).replace('"$schema": "./checklist.schema.json"', '"$schema": "x"'),
    );
    expect((await cli('checklists', 'check', folder)).code).toBe(0);

    writeFileSync(
      join(folder, 'c.json'),
      variant((d) => (equipment(d).passAt = 4)),
    );
    const r = await cli('checklists', 'check', folder, '--lang', 'en');
    expect(r.code).toBe(1);
    const conflicts = r.out.filter((l) => l.endsWith('[version-conflict]'));
    expect(conflicts).toHaveLength(3);
    expect(conflicts.find((l) => l.startsWith(join(folder, 'c.json')))).toContain('a.json');
    expect(r.out.at(-1)).toBe('checked 3 files: 3 errors, 0 warnings');
  });

  it('exits 2 for wrong usage, 0 with its usage for --help, and is listed in guardbook --help', async () => {
    const good = file(
      'good.json',
      variant(() => {}),
    );
    expect((await cli('checklists', 'check')).code).toBe(2);
    expect((await cli('checklists', 'check', good, '--lang', 'fr')).code).toBe(2);
    const unknown = await cli('checklists', 'check', good, '--verbose');
    expect(unknown.code).toBe(2);
    expect(unknown.err.join('\n')).toContain('usage: guardbook checklists check ');
    expect((await cli('checklists', 'frobnicate')).code).toBe(2);

    const help = await cli('checklists', 'check', '--help');
    expect(help).toMatchObject({ code: 0, err: [] });
    expect(help.out.join('\n')).toMatch(/^usage: guardbook checklists check <file\|dir>\.\.\. \[--json\]/);
    expect(usage()).toContain('\n  checklists check ');
    expect((await cli('checklists', '--help')).out[0]).toContain('checklists check');
  });
});

describe('checklist.schema.json', () => {
  it('matches the zod schema (run `npm run checklists:schema` when this fails)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(checklistJsonSchemaText());
  });
});
