// Checks an untrusted checklist template: its kind and schemaVersion, the schema (messages in zh-CN and en through
// zod's locales, as ../plan/checkPlan does), then the static analysis.
import { z } from 'zod';
import { formatPath } from '../json/jsonPath';
import { SCHEMA_MESSAGE_KEYS } from '../plan/schema';
import { analyseChecklist } from './analysis';
import { finding, type ChecklistFinding } from './findings';
import { CHECKLIST_SCHEMA_VERSION, ChecklistSchema, type Checklist } from './schema';

export interface ChecklistCheck {
  /** Present when the document matches the schema (it may still have analysis errors). */
  checklist?: Checklist;
  findings: ChecklistFinding[];
}

const CUSTOM_MESSAGES: Record<string, { zh: string; en: string }> = {
  [SCHEMA_MESSAGE_KEYS.slug]: {
    zh: '编号只能由小写字母、数字和单个连字符组成',
    en: 'an id is lower-case letters, digits and single hyphens',
  },
};

const zhCN = z.locales.zhCN().localeError;
const en = z.locales.en().localeError;

export function checkChecklistDocument(document: unknown): ChecklistCheck {
  const notChecklist = wrongKind(document);
  if (notChecklist) return { findings: [notChecklist] };
  const version = (document as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (
    typeof document === 'object' &&
    document !== null &&
    typeof version === 'number' &&
    version !== CHECKLIST_SCHEMA_VERSION
  ) {
    return {
      findings: [
        finding('unsupported-schema-version', 'schemaVersion', {
          found: version,
          supported: CHECKLIST_SCHEMA_VERSION,
        }),
      ],
    };
  }
  const parsed = ChecklistSchema.safeParse(document, { error: en });
  if (parsed.success) return { checklist: parsed.data, findings: analyseChecklist(parsed.data) };
  // Parse again with Chinese messages: the issues come out in the same order.
  const zhIssues = ChecklistSchema.safeParse(document, { error: zhCN }).error?.issues ?? [];
  return {
    findings: parsed.error.issues.flatMap((issue, i) => {
      const custom = CUSTOM_MESSAGES[issue.message];
      const text = { zh: custom?.zh ?? zhIssues[i]?.message ?? issue.message, en: custom?.en ?? issue.message };
      // A misspelt key is placed at the key itself, so the line number points at the typo.
      const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
      return paths.map((path) => finding('schema', formatPath(path), text, subjectAt(document, path)));
    }),
  };
}

/**
 * A file of another kind (a plan, whose top level has `steps` and no `kind`) is told so in one finding on `kind`,
 * rather than with every key it has that a template does not. A template that merely forgot `kind` is parsed as
 * usual, so all its problems show at once.
 */
function wrongKind(document: unknown): ChecklistFinding | undefined {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return undefined;
  const { kind } = document as { kind?: unknown };
  if (kind === 'checklist' || (kind === undefined && !('steps' in document))) return undefined;
  const plan = kind === undefined;
  const shown = (JSON.stringify(kind) ?? '').slice(0, 40); // a hostile file's kind may be a huge string
  return finding('schema', 'kind', {
    zh: plan
      ? '这是应急预案文件，不是检查表模板（检查表的 kind 为 "checklist"；预案请用 plans check 检查）'
      : `kind 为 ${shown}：检查表模板的 kind 应为 "checklist"`,
    en: plan
      ? 'this is a plan file, not a checklist template (a template has kind "checklist"; check plans with plans check)'
      : `kind is ${shown}: a checklist template has kind "checklist"`,
  });
}

/** The section and item a schema issue lies in, where the path goes through them (with a string id). */
function subjectAt(document: unknown, path: readonly PropertyKey[]): { itemId?: string; sectionId?: string } {
  const subject: { itemId?: string; sectionId?: string } = {};
  let node: unknown = document;
  for (let i = 0; i < path.length; i++) {
    if (node === null || typeof node !== 'object') break;
    node = (node as Record<PropertyKey, unknown>)[path[i]!];
    const id = node !== null && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
    if (typeof id !== 'string' || typeof path[i] !== 'number') continue;
    if (path[i - 1] === 'sections' && i === 1) subject.sectionId = id;
    if (path[i - 1] === 'items' && i === 3) subject.itemId = id;
  }
  return subject;
}
