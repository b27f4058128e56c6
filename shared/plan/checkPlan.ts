// Checks an untrusted plan document: the schema first, then the static analysis.
import { z } from 'zod';
import { analysePlan } from './analysis';
import { finding, type Finding } from './findings';
import { formatPath } from '../json/jsonPath';
import { PLAN_SCHEMA_VERSION, PlanSchema, SCHEMA_MESSAGE_KEYS, type Plan } from './schema';

export interface PlanCheck {
  /** Present when the document matches the schema (it may still have analysis errors). */
  plan?: Plan;
  findings: Finding[];
}

const CUSTOM_MESSAGES: Record<string, { zh: string; en: string }> = {
  [SCHEMA_MESSAGE_KEYS.slug]: {
    zh: '编号只能由小写字母、数字和单个连字符组成',
    en: 'an id is lower-case letters, digits and single hyphens',
  },
  [SCHEMA_MESSAGE_KEYS.phone]: {
    zh: '电话号码只能包含数字、空格、+、- 和括号',
    en: 'a phone number is digits, spaces, +, - and brackets',
  },
};

const zhCN = z.locales.zhCN().localeError;
const en = z.locales.en().localeError;

export function checkPlanDocument(document: unknown): PlanCheck {
  const version = (document as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (
    typeof document === 'object' &&
    document !== null &&
    typeof version === 'number' &&
    version !== PLAN_SCHEMA_VERSION
  ) {
    return {
      findings: [
        finding('unsupported-schema-version', 'schemaVersion', { found: version, supported: PLAN_SCHEMA_VERSION }),
      ],
    };
  }
  const parsed = PlanSchema.safeParse(document, { error: en });
  if (parsed.success) return { plan: parsed.data, findings: analysePlan(parsed.data) };
  // Parse again with Chinese messages: the issues come out in the same order.
  const zhIssues = PlanSchema.safeParse(document, { error: zhCN }).error?.issues ?? [];
  return {
    findings: parsed.error.issues.flatMap((issue, i) => {
      const custom = CUSTOM_MESSAGES[issue.message];
      const text = { zh: custom?.zh ?? zhIssues[i]?.message ?? issue.message, en: custom?.en ?? issue.message };
      // A misspelt key is placed at the key itself, so the line number points at the typo.
      const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
      return paths.map((path) => finding('schema', formatPath(path), text, stepIdAt(document, path)));
    }),
  };
}

/** The id of the step a schema issue lies in, if the path goes through one. */
function stepIdAt(document: unknown, path: readonly PropertyKey[]): { stepId?: string } {
  let node: unknown = document;
  let stepId: string | undefined;
  for (let i = 0; i < path.length; i++) {
    if (node === null || typeof node !== 'object') break;
    node = (node as Record<PropertyKey, unknown>)[path[i]!];
    if (
      path[i - 1] === 'steps' &&
      node &&
      typeof node === 'object' &&
      typeof (node as { id?: unknown }).id === 'string'
    ) {
      stepId = (node as { id: string }).id;
    }
  }
  return stepId === undefined ? {} : { stepId };
}
