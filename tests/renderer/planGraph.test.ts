// The flow diagram's graph (renderer/src/diagram/planGraph.ts) and its lane layout, for every bundled plan: a node
// per step (track steps in their lanes), an edge per transition with its label, the start marked, unknown targets
// drawn to markers, diff highlights on the right nodes and edges, and a layout key that changes only with the layout.
import { describe, expect, it } from 'vitest';
import { diffPlans } from '../../shared/plan/diff';
import { pick } from '../../shared/plan/labels';
import type { DecisionStep, Language, ParallelStep, Plan, Step, TrackStep } from '../../shared/plan/schema';
import { layOutLanes, longestPathLayers } from '../../renderer/src/diagram/laneLayout';
import {
  isStepNode,
  START_NODE_ID,
  type DiagramEdge,
  type DiagramNode,
  type StepNode,
} from '../../renderer/src/diagram/diagramTypes';
import { buildPlanGraph, edgeKey, highlightFromDiff, type PlanGraph } from '../../renderer/src/diagram/planGraph';
import { placeNodes } from '../../renderer/src/diagram/geometry';
import { DIAGRAM_STRINGS } from '../../renderer/src/diagram/strings';
import { fill } from '../../renderer/src/i18n/fill';
import { bundledPlanFiles, loadBundledPlan } from '../support/bundledPlans';

const LANGUAGES: Language[] = ['zh-CN', 'en'];
const plans = bundledPlanFiles().map((file) => ({ file, plan: loadBundledPlan(file) }));
const robbery = () => structuredClone(loadBundledPlan('armed-robbery.json'));

const graphOf = (plan: Plan, lang: Language = 'zh-CN', highlight?: Parameters<typeof buildPlanGraph>[3]) =>
  buildPlanGraph(plan, lang, DIAGRAM_STRINGS[lang], highlight);

const stepNodes = (graph: PlanGraph) => graph.nodes.filter(isStepNode);
const nodeOf = (graph: PlanGraph, id: string): DiagramNode => {
  const node = graph.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node;
};
const edgeOf = (graph: PlanGraph, key: string): DiagramEdge => {
  const edge = graph.edges.find((e) => e.id === key);
  if (!edge) throw new Error(`no edge ${key}`);
  return edge;
};

interface Transition {
  key: string;
  kind: string;
  label?: string;
}

/** Every transition of the plan, written out from the schema's fields (independently of the code under test). */
function transitions(plan: Plan, lang: Language): Transition[] {
  const strings = DIAGRAM_STRINGS[lang];
  const out: Transition[] = [{ key: edgeKey(START_NODE_ID, plan.start, 'start'), kind: 'start' }];
  const visit = (step: Step | TrackStep, parallel?: ParallelStep, role?: string) => {
    if (step.kind === 'action' || step.kind === 'parallel') {
      out.push({ key: edgeKey(step.id, step.next, 'next'), kind: 'next' });
    }
    if (step.kind === 'decision') {
      for (const o of step.options) {
        out.push({ key: edgeKey(step.id, o.next, `option:${o.id}`), kind: 'option', label: pick(o.label, lang) });
      }
    }
    if (step.kind !== 'end' && step.timeout) {
      const label = fill(strings.timeout, { seconds: step.timeout.seconds });
      out.push({ key: edgeKey(step.id, step.timeout.next, 'timeout'), kind: 'timeout', label });
    }
    if (step.kind === 'end' && parallel) {
      out.push({ key: edgeKey(step.id, parallel.id, `join:${role}`), kind: 'join' });
    }
    if (step.kind === 'parallel') {
      for (const track of step.tracks) {
        out.push({ key: edgeKey(step.id, track.start, `track-start:${track.role}`), kind: 'track-start' });
        for (const inner of track.steps) visit(inner, step, track.role);
      }
    }
  };
  plan.steps.forEach((s) => visit(s));
  return out;
}

describe('buildPlanGraph, for every bundled plan', () => {
  it.each(plans)('$file: one node per step, track steps inside their lanes, parents first', ({ plan }) => {
    const graph = graphOf(plan);
    const byId = new Map(graph.nodes.map((n, i) => [n.id, { node: n, index: i }]));
    const steps = stepNodes(graph);
    const expected = plan.steps.flatMap((s) => [
      s.id,
      ...(s.kind === 'parallel' ? s.tracks.flatMap((t) => t.steps.map((x) => x.id)) : []),
    ]);
    expect(steps.map((n) => n.data.stepId).sort()).toEqual([...expected].sort());
    expect(new Set(graph.nodes.map((n) => n.id)).size).toBe(graph.nodes.length);

    for (const step of plan.steps) {
      const node = nodeOf(graph, step.id);
      expect(node.parentId, step.id).toBeUndefined();
      if (step.kind !== 'parallel') continue;
      expect(node.type).toBe('parallel');
      for (const track of step.tracks) {
        const lanes = graph.nodes.filter(
          (n) => n.type === 'lane' && n.parentId === step.id && n.id.endsWith(`::lane::${track.role}`),
        );
        expect(lanes, `${step.id} ${track.role}`).toHaveLength(1);
        for (const inner of track.steps) expect(nodeOf(graph, inner.id).parentId).toBe(lanes[0]!.id);
      }
    }
    for (const [index, node] of graph.nodes.entries()) {
      if (node.parentId) expect(byId.get(node.parentId)!.index, node.id).toBeLessThan(index);
    }
  });

  it.each(plans)('$file: one edge per transition, options and timeouts labelled, in both languages', ({ plan }) => {
    for (const lang of LANGUAGES) {
      const graph = graphOf(plan, lang);
      const expected = transitions(plan, lang);
      expect(graph.edges.map((e) => e.id).sort()).toEqual(expected.map((t) => t.key).sort());
      for (const t of expected) {
        const edge = edgeOf(graph, t.key);
        expect(edge.data?.kind, t.key).toBe(t.kind);
        if (t.label !== undefined) expect(edge.label, t.key).toBe(t.label);
        else expect(edge.label, t.key).toBeUndefined();
        expect(edge.className?.split(' ').includes('edge-timeout'), t.key).toBe(t.kind === 'timeout');
        // Named for screen readers by the steps it joins, and its label.
        const to = stepNodes(graph).find((n) => n.data.stepId === edge.data!.to)!;
        expect(edge.ariaLabel, t.key).toContain(` → ${to.data.title}`);
        if (t.label !== undefined) expect(edge.ariaLabel, t.key).toContain(t.label);
      }
    }
  });

  it.each(plans)('$file: the start is marked, and the first step of every track', ({ plan }) => {
    const graph = graphOf(plan);
    const starts = stepNodes(graph).filter((n) => n.data.start && !n.parentId);
    expect(starts.map((n) => n.id)).toEqual([plan.start]);
    expect(nodeOf(graph, START_NODE_ID).type).toBe('start');
    expect(edgeOf(graph, edgeKey(START_NODE_ID, plan.start, 'start')).target).toBe(plan.start);
    for (const step of plan.steps) {
      if (step.kind !== 'parallel') continue;
      for (const track of step.tracks) {
        expect((nodeOf(graph, track.start) as StepNode).data.start, track.start).toBe(true);
        const others = track.steps.filter((s) => s.id !== track.start);
        for (const other of others) expect((nodeOf(graph, other.id) as StepNode).data.start).toBe(false);
      }
    }
    expect(stepNodes(graph).find((n) => n.id === plan.start)!.ariaLabel).toContain(DIAGRAM_STRINGS['zh-CN'].startStep);
  });

  it.each(plans)('$file: no edge to or from a node that does not exist, nor from a handle it lacks', ({ plan }) => {
    const graph = graphOf(plan);
    const ids = new Set(graph.nodes.map((n) => n.id));
    expect(graph.nodes.filter((n) => n.type === 'missing')).toEqual([]);
    for (const edge of graph.edges) {
      expect(ids.has(edge.source), edge.id).toBe(true);
      expect(ids.has(edge.target), edge.id).toBe(true);
      const source = nodeOf(graph, edge.source);
      if (isStepNode(source) && source.data.kind !== 'trackEnd') {
        expect(
          source.data.handles.map((h) => h.id),
          edge.id,
        ).toContain(edge.sourceHandle);
      }
    }
  });

  it.each(plans)('$file: ELK gets every top-level node once and edges only between siblings', ({ plan }) => {
    const graph = graphOf(plan);
    const top = new Set((graph.elk.children ?? []).map((c) => c.id));
    const topLevel = graph.nodes.filter((n) => !n.parentId).map((n) => n.id);
    expect([...top].sort()).toEqual([...topLevel].sort());
    for (const edge of graph.elk.edges ?? []) {
      expect(top.has(edge.sources[0]!) && top.has(edge.targets[0]!), edge.id).toBe(true);
    }
    for (const group of graph.elk.children ?? []) {
      for (const lane of group.children ?? []) {
        const inLane = new Set((lane.children ?? []).map((c) => c.id));
        for (const edge of lane.edges ?? []) {
          expect(inLane.has(edge.sources[0]!) && inLane.has(edge.targets[0]!), edge.id).toBe(true);
        }
      }
    }
  });
});

describe('buildPlanGraph, on broken drafts', () => {
  it('draws edges to unknown steps to one "missing" marker per target and scope', () => {
    const plan = robbery();
    const press = plan.steps.find((s) => s.id === 'press-alarm')! as Step & { next: string };
    press.next = 'nowhere';
    const check = plan.steps.find((s) => s.id === 'hostage-check') as DecisionStep;
    check.options[0]!.next = 'nowhere';
    const parallel = plan.steps.find((s) => s.id === 'secure-and-observe') as ParallelStep;
    const lock = parallel.tracks[0]!.steps[0] as TrackStep & { next: string };
    lock.next = 'ghost';
    parallel.tracks[1]!.start = 'ghost';

    const graph = graphOf(plan, 'en');
    const markers = graph.nodes.filter((n) => n.type === 'missing');
    const where = (target: string) => markers.filter((m) => m.type === 'missing' && m.data.target === target);
    expect(where('nowhere')).toHaveLength(1);
    expect(where('nowhere')[0]!.parentId).toBeUndefined();
    expect(where('nowhere')[0]!.ariaLabel).toBe('missing: nowhere');
    // A track's targets resolve within the track, as analysis resolves them: one marker in each lane.
    expect(
      where('ghost')
        .map((m) => m.parentId)
        .sort(),
    ).toEqual(
      [
        `secure-and-observe::lane::${parallel.tracks[0]!.role}`,
        `secure-and-observe::lane::${parallel.tracks[1]!.role}`,
      ].sort(),
    );
    expect(edgeOf(graph, edgeKey('press-alarm', 'nowhere', 'next')).target).toBe(where('nowhere')[0]!.id);
    expect(edgeOf(graph, edgeKey('press-alarm', 'nowhere', 'next')).ariaLabel).toMatch(/ → missing: nowhere$/);
    expect(edgeOf(graph, edgeKey('hostage-check', 'nowhere', `option:${check.options[0]!.id}`)).target).toBe(
      where('nowhere')[0]!.id,
    );
    const ids = new Set(graph.nodes.map((n) => n.id));
    for (const edge of graph.edges) expect(ids.has(edge.target), edge.id).toBe(true);
    expect(new Set((graph.elk.children ?? []).map((c) => c.id)).has(where('nowhere')[0]!.id)).toBe(true);
  });

  it('draws an unknown start to a marker, and a repeated step id as a second node', () => {
    const plan = robbery();
    plan.start = 'gone';
    plan.steps.push({ ...(plan.steps.find((s) => s.id === 'debrief') as Step), title: { 'zh-CN': '重复' } });
    const graph = graphOf(plan);
    const start = edgeOf(graph, edgeKey(START_NODE_ID, 'gone', 'start'));
    expect(nodeOf(graph, start.target)).toMatchObject({ type: 'missing', data: { target: 'gone' } });
    const debriefs = stepNodes(graph).filter((n) => n.data.stepId === 'debrief');
    expect(debriefs.map((n) => n.id)).toEqual(['debrief', 'debrief::2']);
    expect(new Set(graph.edges.map((e) => e.id)).size).toBe(graph.edges.length);
  });
});

describe('highlights', () => {
  it('marks the steps and edges a diff names, in words as well as classes', () => {
    const before = robbery();
    const after = robbery();
    const calm = after.steps.find((s) => s.id === 'calm-suspect')!;
    calm.title = { 'zh-CN': '稳住嫌疑人', en: 'Keep the suspect calm' };
    const watch = after.steps.find((s) => s.id === 'watch-escape') as Step & { next: string };
    watch.next = 'debrief';
    after.steps.push({
      id: 'call-family',
      kind: 'action',
      title: { 'zh-CN': '通知家属', en: 'Call family' },
      next: 'debrief',
    });
    const highlight = highlightFromDiff(diffPlans(before, after));

    const graph = graphOf(after, 'en', highlight);
    const mark = (id: string) => (nodeOf(graph, id) as StepNode).data.mark;
    expect(mark('calm-suspect')).toBe('changed');
    expect(mark('watch-escape')).toBe('changed');
    expect(mark('call-family')).toBe('added');
    expect(mark('press-alarm')).toBeUndefined();
    expect(nodeOf(graph, 'call-family').className).toBe('diagram-mark-added');
    expect(nodeOf(graph, 'call-family').ariaLabel).toContain('added');

    const added = edgeOf(graph, edgeKey('watch-escape', 'debrief', 'next'));
    expect(added.data?.mark).toBe('added');
    expect(added.className).toContain('edge-added');
    expect(added.label).toContain('edge added');
    expect(edgeOf(graph, edgeKey('press-alarm', 'secure-and-observe', 'next')).data?.mark).toBeUndefined();
    // The removed edge is in the old version only: it is drawn when the old version is.
    const old = graphOf(before, 'zh-CN', highlight);
    const removed = edgeOf(old, edgeKey('watch-escape', 'anyone-hurt', 'next'));
    expect(removed.data?.mark).toBe('removed');
    expect(removed.label).toContain(DIAGRAM_STRINGS['zh-CN'].edgeMarks.removed);
  });
});

describe('layout key', () => {
  it('stays for a text edit that keeps every size, and changes with structure or size', () => {
    const plan = robbery();
    const key = graphOf(plan).layoutKey;
    const edit = (recipe: (p: Plan) => void) => {
      const copy = structuredClone(plan);
      recipe(copy);
      return graphOf(copy).layoutKey;
    };
    const title = (p: Plan) => p.steps.find((s) => s.id === 'calm-suspect')!.title;
    expect(edit((p) => (title(p)['zh-CN'] = '稳住嫌疑人，记住特点'))).toBe(key);
    expect(edit((p) => (title(p)['zh-CN'] = '稳住嫌疑人，记住特征'.repeat(4)))).not.toBe(key);
    expect(edit((p) => ((p.steps.find((s) => s.id === 'watch-escape') as { next: string }).next = 'debrief'))).not.toBe(
      key,
    );
  });
});

/** Lanes as laid out, top-level nodes all at the origin (where ELK puts them does not matter here). */
function fullLayout(graph: PlanGraph): Record<string, { x: number; y: number; width: number; height: number }> {
  const { top, inner } = layOutLanes(graph.elk);
  const topBoxes = (top.children ?? []).map((c) => [c.id, { x: 0, y: 0, width: c.width!, height: c.height! }]);
  return { ...inner, ...Object.fromEntries(topBoxes) };
}

describe('lane layout and placing', () => {
  it.each(plans)(
    '$file: lanes side by side inside their step, steps inside their lane, none overlapping',
    ({ plan }) => {
      const graph = graphOf(plan);
      const { top, inner } = layOutLanes(graph.elk);
      for (const child of top.children ?? []) expect(child.children, child.id).toBeUndefined();
      for (const node of graph.nodes) {
        if (!node.parentId) continue;
        const box = inner[node.id]!;
        expect(box, node.id).toBeDefined();
        const parent = inner[node.parentId] ?? (top.children ?? []).find((c) => c.id === node.parentId)!;
        expect(box.x, node.id).toBeGreaterThanOrEqual(0);
        expect(box.y, node.id).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, node.id).toBeLessThanOrEqual(parent.width! + 0.001);
        expect(box.y + box.height, node.id).toBeLessThanOrEqual(parent.height! + 0.001);
      }
      const siblings = new Map<string, string[]>();
      for (const node of graph.nodes)
        if (node.parentId) siblings.set(node.parentId, [...(siblings.get(node.parentId) ?? []), node.id]);
      for (const [parent, ids] of siblings) {
        for (const a of ids) {
          for (const b of ids) {
            if (a >= b) continue;
            const p = inner[a]!;
            const q = inner[b]!;
            const apart =
              p.x + p.width <= q.x || q.x + q.width <= p.x || p.y + p.height <= q.y || q.y + q.height <= p.y;
            expect(apart, `${parent}: ${a} / ${b}`).toBe(true);
          }
        }
      }
    },
  );

  it("puts a track's first step on its lane's first row, and leaves loops out of the layering", () => {
    const graph = graphOf(robbery());
    const { inner } = layOutLanes(graph.elk);
    const rows = (ids: string[]) => ids.map((id) => inner[id]!.y);
    const [start, then] = rows(['call-ambulance', 'hand-to-medics']);
    expect(start).toBeLessThan(then!);
    // 0 → 1 → 2 → 0 (a loop back to the first) and 3 unreached: layers 0, 1, 2, 0.
    expect(longestPathLayers([[1], [2], [0], []])).toEqual([0, 1, 2, 0]);
    expect(longestPathLayers([[1, 2], [2], []])).toEqual([0, 1, 2]);
  });

  it.each(plans)(
    '$file: placed nodes carry every handle their edges use, where the stylesheet draws it',
    ({ plan }) => {
      const graph = graphOf(plan);
      const placed = new Map(placeNodes(graph.nodes, fullLayout(graph)).map((n) => [n.id, n]));
      for (const edge of graph.edges) {
        const source = placed.get(edge.source)!.handles!.find((h) => h.type === 'source' && h.id === edge.sourceHandle);
        const target = placed.get(edge.target)!.handles!.find((h) => h.type === 'target' && h.id === edge.targetHandle);
        expect(source, `${edge.id} from ${edge.sourceHandle}`).toBeDefined();
        expect(target, `${edge.id} to ${edge.targetHandle}`).toBeDefined();
      }
      // A decision's option handles spread along its bottom edge; its target covers it whole.
      const decision = plan.steps.find((s) => s.kind === 'decision');
      if (decision) {
        const node = placed.get(decision.id)!;
        const options = node.handles!.filter((h) => h.id?.startsWith('option:'));
        expect(options.map((h) => h.y + h.height! / 2)).toEqual(options.map(() => node.height));
        expect(new Set(options.map((h) => h.x)).size).toBe(options.length);
        expect(node.handles!.find((h) => h.id === 'in')).toMatchObject({
          x: 0,
          y: 0,
          width: node.width,
          height: node.height,
        });
      }
    },
  );

  it('hides what the layout does not know yet, and sizes parallel steps and lanes as laid out', () => {
    const graph = graphOf(robbery());
    const { top, inner } = layOutLanes(graph.elk);
    const layout = {
      ...inner,
      ...Object.fromEntries(
        (top.children ?? []).map((c) => [c.id, { x: 0, y: 0, width: c.width!, height: c.height! }]),
      ),
    };
    delete layout['debrief'];
    const placed = placeNodes(graph.nodes, layout);
    expect(placed.find((n) => n.id === 'debrief')!.hidden).toBe(true);
    expect(placed.filter((n) => n.hidden)).toHaveLength(1);
    const parallel = placed.find((n) => n.id === 'secure-and-observe')!;
    expect(parallel.height).toBe(layout['secure-and-observe']!.height);
    const lane = placed.find((n) => n.type === 'lane')!;
    expect(lane.position).toEqual({ x: inner[lane.id]!.x, y: inner[lane.id]!.y });
  });
});
