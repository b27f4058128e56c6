// Checks the text of a checklist template file: JSON syntax, schema and analysis, each finding placed at a line.
import { locateNearest, parseLocatedJson, type TextPosition } from '../json/locatedJson';
import { parsePath } from '../json/jsonPath';
import { checkChecklistDocument } from './checkChecklist';
import { finding, type ChecklistFinding } from './findings';
import type { Checklist } from './schema';

export type PlacedChecklistFinding = ChecklistFinding & Partial<TextPosition>;

export interface ChecklistTextCheck {
  checklist?: Checklist;
  findings: PlacedChecklistFinding[];
}

export function checkChecklistText(text: string): ChecklistTextCheck {
  const located = parseLocatedJson(text);
  if (!located.ok) {
    return {
      findings: [
        { ...finding('not-json', '', { zh: located.message['zh-CN'], en: located.message.en }), ...located.position },
      ],
    };
  }
  const { checklist, findings } = checkChecklistDocument(located.value);
  return {
    ...(checklist ? { checklist } : {}),
    findings: findings.map((f) => ({ ...f, ...locateNearest(located, parsePath(f.path)) })),
  };
}
