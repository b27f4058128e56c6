// Checks the text of a plan file: JSON syntax, schema and analysis, each finding placed at a line.
import { locateNearest, parseLocatedJson, type TextPosition } from '../json/locatedJson';
import { checkPlanDocument } from './checkPlan';
import { finding, type Finding } from './findings';
import { parsePath } from '../json/jsonPath';
import type { Plan } from './schema';

export type PlacedFinding = Finding & Partial<TextPosition>;

export interface PlanTextCheck {
  plan?: Plan;
  findings: PlacedFinding[];
}

export function checkPlanText(text: string): PlanTextCheck {
  const located = parseLocatedJson(text);
  if (!located.ok) {
    return {
      findings: [
        { ...finding('not-json', '', { zh: located.message['zh-CN'], en: located.message.en }), ...located.position },
      ],
    };
  }
  const { plan, findings } = checkPlanDocument(located.value);
  return {
    ...(plan ? { plan } : {}),
    findings: findings.map((f) => ({ ...f, ...locateNearest(located, parsePath(f.path)) })),
  };
}
