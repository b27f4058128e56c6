// Static analysis of a parsed plan: everything the schema cannot say (graph, roles, contacts,
// translations, timers). Returns findings and never throws; a plan with any error is never offered to a guard.
import { finding, type Finding } from './findings';
import { analyseScope, type Scope, type ScopeNode } from './graph';
import {
  LANGUAGES,
  SILENT_CATEGORIES,
  type Localized,
  type Plan,
  type Step,
  type Track,
  type TrackStep,
} from './schema';

export const MAX_TIMER_SECONDS = 24 * 60 * 60;
/** On-site procedures (现场处置方案) are drilled at least every half year. */
export const MAX_DRILL_INTERVAL_DAYS = 182;

export interface AnalysisOptions {
  /** The ids of the plans in the library: given, every `followOn` must name one of them (unknown: not checked). */
  knownPlanIds?: ReadonlySet<string>;
}

export function analysePlan(plan: Plan, options: AnalysisOptions = {}): Finding[] {
  try {
    const findings = new PlanAnalysis(plan).run();
    findings.push(...followOnFindings(plan, options.knownPlanIds));
    return findings;
  } catch (error) {
    // A bug here must not hide the plan from review or crash a window: report it as a finding.
    return [
      finding('schema', '', {
        zh: `分析器内部错误：${String(error)}`,
        en: `internal analyser error: ${String(error)}`,
      }),
    ];
  }
}

class PlanAnalysis {
  private readonly findings: Finding[] = [];
  private readonly usedRoles = new Set<string>();
  private readonly usedContacts = new Set<string>();
  private readonly roleIds: Set<string>;
  private readonly contactIds: Set<string>;

  constructor(private readonly plan: Plan) {
    this.roleIds = this.uniqueIds(plan.roles, 'roles', '角色', 'role');
    this.contactIds = this.uniqueIds(plan.contacts, 'contacts', '联系人', 'contact');
  }

  run(): Finding[] {
    const { plan } = this;
    this.text(plan.title, 'title');
    this.text(plan.shortTitle, 'shortTitle');
    this.text(plan.summary, 'summary');
    plan.roles.forEach((r, i) => {
      this.text(r.title, `roles[${i}].title`);
      this.text(r.duties, `roles[${i}].duties`);
    });
    plan.contacts.forEach((c, i) => this.text(c.name, `contacts[${i}].name`));
    const days = plan.drill.everyDays;
    if (days < 1 || days > MAX_DRILL_INTERVAL_DAYS) {
      this.findings.push(
        finding('drill-interval', 'drill.everyDays', { days }, { severity: days < 1 ? 'error' : 'warning' }),
      );
    }

    if (SILENT_CATEGORIES.includes(plan.category) && plan.silent !== true) {
      this.findings.push(finding('not-silent', 'silent', { category: plan.category }));
    }

    this.checkStepIdsUnique();
    plan.steps.forEach((step, i) => this.step(step, `steps[${i}]`, undefined));
    this.findings.push(...analyseScope(this.topScope()));

    plan.roles.forEach((r, i) => {
      if (!this.usedRoles.has(r.id)) this.findings.push(finding('unused-role', `roles[${i}]`, { role: r.id }));
    });
    plan.contacts.forEach((c, i) => {
      if (!this.usedContacts.has(c.id)) {
        this.findings.push(finding('unused-contact', `contacts[${i}]`, { contact: c.id }));
      }
    });
    return this.findings;
  }

  /** Reports repeated ids in a list (roles, contacts, a step's options or checklist); returns the ids. */
  private uniqueIds(
    items: readonly { id: string }[],
    path: string,
    whatZh: string,
    whatEn: string,
    stepId?: string,
  ): Set<string> {
    const first = new Map<string, number>();
    items.forEach((item, i) => {
      const seen = first.get(item.id);
      if (seen === undefined) first.set(item.id, i);
      else {
        const params = { what: whatZh, whatEn, id: item.id, first: `${path}[${seen}]` };
        this.findings.push(finding('duplicate-id', `${path}[${i}].id`, params, stepId === undefined ? {} : { stepId }));
      }
    });
    return new Set(first.keys());
  }

  /** Step ids are plan-wide (events and records name steps by id alone), tracks included. */
  private checkStepIdsUnique(): void {
    const first = new Map<string, string>();
    const visit = (id: string, path: string): void => {
      const seen = first.get(id);
      if (seen === undefined) first.set(id, path);
      else {
        this.findings.push(
          finding('duplicate-id', `${path}.id`, { what: '步骤', whatEn: 'step', id, first: seen }, { stepId: id }),
        );
      }
    };
    this.plan.steps.forEach((step, i) => {
      visit(step.id, `steps[${i}]`);
      if (step.kind === 'parallel') {
        step.tracks.forEach((track, t) =>
          track.steps.forEach((s, j) => visit(s.id, `steps[${i}].tracks[${t}].steps[${j}]`)),
        );
      }
    });
  }

  private step(step: Step | TrackStep, path: string, track: Track | undefined): void {
    const stepId = step.id;
    if (step.title !== undefined) this.text(step.title, `${path}.title`, stepId);
    if ('detail' in step) this.text(step.detail, `${path}.detail`, stepId);
    if ('role' in step && step.role !== undefined) this.role(step.role, `${path}.role`, stepId);
    else if (!track && (step.kind === 'action' || step.kind === 'decision')) {
      this.findings.push(finding('missing-role', path, {}, { stepId }));
    }

    if (step.kind === 'action' || step.kind === 'decision' || step.kind === 'parallel') {
      this.timers(step, path);
    }
    if (step.kind === 'action' || step.kind === 'decision') {
      (step.contacts ?? []).forEach((c, i) => {
        this.usedContacts.add(c);
        if (!this.contactIds.has(c)) {
          this.findings.push(finding('unknown-contact', `${path}.contacts[${i}]`, { contact: c }, { stepId }));
        }
      });
    }
    if (step.kind === 'action') {
      const items = step.checklist ?? [];
      this.uniqueIds(items, `${path}.checklist`, '检查项', 'checklist item', stepId);
      items.forEach((item, i) => this.text(item.text, `${path}.checklist[${i}].text`, stepId));
    }
    if (step.kind === 'decision') {
      if (step.options.length < 2) {
        this.findings.push(
          finding('decision-too-few-options', `${path}.options`, { count: step.options.length }, { stepId }),
        );
      }
      this.uniqueIds(step.options, `${path}.options`, '选项', 'option', stepId);
      step.options.forEach((o, i) => this.text(o.label, `${path}.options[${i}].label`, stepId));
    }
    if (step.kind === 'parallel') {
      if (step.tracks.length < 2) {
        this.findings.push(
          finding('parallel-too-few-tracks', `${path}.tracks`, { count: step.tracks.length }, { stepId }),
        );
      }
      step.tracks.forEach((t, i) => {
        const trackPath = `${path}.tracks[${i}]`;
        this.role(t.role, `${trackPath}.role`, stepId);
        t.steps.forEach((s, j) => this.step(s, `${trackPath}.steps[${j}]`, t));
        this.findings.push(...analyseScope(trackScope(t, trackPath, stepId)));
      });
    }
  }

  private timers(step: { id: string; targetSeconds?: number; timeout?: { seconds: number } }, path: string): void {
    const check = (seconds: number | undefined, at: string): void => {
      if (seconds !== undefined && (seconds <= 0 || seconds > MAX_TIMER_SECONDS)) {
        this.findings.push(finding('timer-out-of-range', at, { seconds }, { stepId: step.id }));
      }
    };
    check(step.targetSeconds, `${path}.targetSeconds`);
    check(step.timeout?.seconds, `${path}.timeout.seconds`);
    if (step.targetSeconds !== undefined && step.timeout && step.targetSeconds > step.timeout.seconds) {
      this.findings.push(
        finding(
          'target-after-timeout',
          `${path}.targetSeconds`,
          { target: step.targetSeconds, timeout: step.timeout.seconds },
          { stepId: step.id },
        ),
      );
    }
  }

  private role(role: string, path: string, stepId: string): void {
    this.usedRoles.add(role);
    if (!this.roleIds.has(role)) this.findings.push(finding('unknown-role', path, { role }, { stepId }));
  }

  /** zh-CN is the primary language: a missing Chinese text is an error, a missing English one a warning. */
  private text(text: Localized | undefined, path: string, stepId?: string): void {
    if (text === undefined) return;
    for (const lang of LANGUAGES) {
      if ((text[lang] ?? '').trim() === '') {
        this.findings.push(
          finding(
            'missing-translation',
            `${path}.${lang}`,
            { lang },
            { ...(stepId === undefined ? {} : { stepId }), severity: lang === 'zh-CN' ? 'error' : 'warning' },
          ),
        );
      }
    }
  }

  private topScope(): Scope {
    return {
      start: this.plan.start,
      startPath: 'start',
      name: { zh: '预案顶层', en: 'the plan' },
      nodes: this.plan.steps.map((s, i) => stepNode(s, `steps[${i}]`)),
    };
  }
}

/** Every `followOn` of a plan (steps, track steps, options) with where it is written. */
export function followOnsOf(plan: Plan): { planId: string; path: string; stepId: string; option?: string }[] {
  const found: { planId: string; path: string; stepId: string; option?: string }[] = [];
  const visit = (step: Step | TrackStep, path: string): void => {
    if ('followOn' in step && step.followOn !== undefined) {
      found.push({ planId: step.followOn, path: `${path}.followOn`, stepId: step.id });
    }
    if (step.kind === 'decision') {
      step.options.forEach((o, i) => {
        if (o.followOn !== undefined) {
          found.push({ planId: o.followOn, path: `${path}.options[${i}].followOn`, stepId: step.id, option: o.id });
        }
      });
    }
    if (step.kind === 'parallel') {
      step.tracks.forEach((t, i) => t.steps.forEach((s, j) => visit(s, `${path}.tracks[${i}].steps[${j}]`)));
    }
  };
  plan.steps.forEach((s, i) => visit(s, `steps[${i}]`));
  return found;
}

/**
 * A follow-on must not name the plan itself (that would restart the same incident), and, when the library's plan
 * ids are known, must name one of them.
 */
export function followOnFindings(plan: Plan, knownPlanIds?: ReadonlySet<string>): Finding[] {
  return followOnsOf(plan).flatMap(({ planId, path, stepId, option }) => {
    const where = option === undefined ? { step: stepId, option: '' } : { step: stepId, option };
    if (planId === plan.id) return [finding('follow-on-self', path, { plan: planId, ...where }, { stepId })];
    if (!knownPlanIds || knownPlanIds.has(planId)) return [];
    return [finding('unknown-follow-on', path, { plan: planId, ...where }, { stepId })];
  });
}

function trackScope(track: Track, path: string, parallelId: string): Scope {
  return {
    start: track.start,
    startPath: `${path}.start`,
    name: { zh: `“${track.role}”分支`, en: `the "${track.role}" track` },
    track: { role: track.role, path, stepId: parallelId },
    nodes: track.steps.map((s, i) => stepNode(s, `${path}.steps[${i}]`)),
  };
}

function stepNode(step: Step | TrackStep, path: string): ScopeNode {
  const edges: ScopeNode['edges'] = [];
  if (step.kind === 'action' || step.kind === 'parallel') edges.push({ target: step.next, path: `${path}.next` });
  if (step.kind === 'decision') {
    step.options.forEach((o, i) => edges.push({ target: o.next, path: `${path}.options[${i}].next` }));
  }
  if (step.kind !== 'end' && step.timeout) edges.push({ target: step.timeout.next, path: `${path}.timeout.next` });
  return { id: step.id, isEnd: step.kind === 'end', path, edges };
}
