// Plan → the flow diagram's graph: React Flow nodes and edges with stable ids and fixed sizes, and the ELK graph that
// places them. Pure (no DOM, no React): tests run it in Node, and the layout worker receives its ELK part as data.
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { EdgeVia, PlanDiff } from '../../../shared/plan/diff';
import { OUTCOME_LABELS, pick } from '../../../shared/plan/labels';
import type { Language, Plan, Step, TrackStep } from '../../../shared/plan/schema';
import {
  isStepNode,
  MARK_SYMBOLS,
  START_NODE_ID,
  type DiagramEdge,
  type DiagramHighlight,
  type DiagramNode,
  type EdgeHandle,
  type EdgeKind,
  type EdgeMark,
  type SourceHandle,
  type StepData,
  type StepKind,
  type StepMark,
} from './diagramTypes';
import { GEOMETRY, stepSize, textWidth, titleLines } from './geometry';
import { fill } from '../i18n/fill';
import type { DiagramStrings } from './strings';

// ── Keys and highlights ────────────────────────────────────────────────────────────────────────────────────────

/**
 * An edge's key. `via` is `next`, `timeout`, `option:<option id>`, `track-start:<role>` (a parallel step to its
 * track's first step) or `join:<role>` (a track's end to its parallel step): `viaKey` spells a diff's edges so.
 */
export function edgeKey(from: string, to: string, via: string): string {
  return `${from}->${to}:${via}`;
}

export function viaKey(via: EdgeVia): string {
  if (via.kind === 'option') return `option:${via.option}`;
  if (via.kind === 'track-start' || via.kind === 'join') return `${via.kind}:${via.track}`;
  return via.kind;
}

/** What a diff marks, keyed as the diagram draws it. */
export function highlightFromDiff(diff: PlanDiff): DiagramHighlight {
  const steps: Record<string, StepMark> = {};
  for (const change of diff.steps) steps[change.stepId] = change.kind;
  const edges: Record<string, EdgeMark> = {};
  for (const e of diff.edges) edges[edgeKey(e.from, e.to, viaKey(e.via))] = e.kind;
  return { steps, edges };
}

export interface PlanGraph {
  /** Parents before their children, as React Flow needs; `placeNodes` puts them where a layout says. */
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  /** What the layout worker places: every node but the lanes' contents' cross-container edges. */
  elk: ElkNode;
  /** Changes exactly when the layout would: the same key gives the same positions. */
  layoutKey: string;
}

// ── Layout options ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Layered, top to bottom: steps read down like the printed plan, branches and lanes spread across. React Flow draws
 * the edges itself, so ELK's routing only has to leave room (polyline is the cheapest that does).
 */
const ROOT_LAYOUT: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.edgeRouting': 'POLYLINE',
  'elk.spacing.nodeNode': '36',
  'elk.layered.spacing.nodeNodeBetweenLayers': '56',
  'elk.spacing.componentComponent': '56',
  // Loops are broken where the walk from the start closes them; ties follow the plan's own order.
  'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

/** Fewer crossing-minimisation passes for big plans: a third of the time (1,000 steps: ≈ 400 → 150 ms in Node). */
const BIG_GRAPH_NODES = 200;
const BIG_GRAPH_LAYOUT: Record<string, string> = { 'elk.layered.thoroughness': '1' };

/**
 * A parallel step's lanes are placed by laneLayout.ts, not by ELK (far faster); what it needs rides along as options
 * of the group node, which never reaches ELK.
 */
function groupOptions(header: number, minWidth: number): Record<string, string> {
  return { 'guardbook.header': String(header), 'guardbook.minWidth': String(minWidth) };
}

// ── Building ───────────────────────────────────────────────────────────────────────────────────────────────────

/** One container of steps: the top level, or one lane. Targets resolve within it, as analysis resolves them. */
interface Scope {
  /** The lane's node id; none at the top level. */
  laneId?: string;
  ids: Map<string, string>;
  markers: Map<string, string>;
  elkChildren: ElkNode[];
  elkEdges: ElkExtendedEdge[];
}

interface EdgeSpec {
  from: string;
  to: string;
  via: string;
  kind: EdgeKind;
  source: string;
  target: string;
  handle: string;
  label?: string;
}

export function buildPlanGraph(
  plan: Plan,
  lang: Language,
  strings: DiagramStrings,
  highlight?: DiagramHighlight,
): PlanGraph {
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  const nodeIds = new Set<string>([START_NODE_ID]);
  const edgeIds = new Set<string>();
  const roleTitle = new Map(plan.roles.map((r) => [r.id, pick(r.title, lang) || r.id]));
  const separator = lang === 'zh-CN' ? '，' : ', ';
  const newScope = (laneId?: string): Scope => ({
    ...(laneId ? { laneId } : {}),
    ids: new Map(),
    markers: new Map(),
    elkChildren: [],
    elkEdges: [],
  });

  /** A step's node id is its id; a repeated id (an error analysis reports) gets a suffix rather than a clash. */
  const uniqueId = (id: string): string => {
    let candidate = id;
    for (let n = 2; nodeIds.has(candidate); n++) candidate = `${id}::${n}`;
    nodeIds.add(candidate);
    return candidate;
  };
  const inScope = (scope: Scope) => (scope.laneId ? { parentId: scope.laneId } : {});

  /** The node an edge to `id` ends at: the step of that id in the scope, else a "missing" marker beside it. */
  const resolve = (scope: Scope, id: string): string => {
    const known = scope.ids.get(id) ?? scope.markers.get(id);
    if (known) return known;
    const marker = uniqueId(`${scope.laneId ?? ''}::missing::${id}`);
    scope.markers.set(id, marker);
    const ariaLabel = fill(strings.missing, { id });
    const width = Math.min(GEOMETRY.stepWidth, Math.ceil(textWidth(ariaLabel)) + 2 * GEOMETRY.padX);
    const height = GEOMETRY.smallHeight;
    const data = { target: id };
    nodes.push({ id: marker, type: 'missing', position: ORIGIN, data, width, height, ariaLabel, ...MARK_NODE });
    Object.assign(nodes.at(-1)!, inScope(scope));
    scope.elkChildren.push({ id: marker, width, height });
    return marker;
  };

  const addEdge = (spec: EdgeSpec, elkScope?: Scope): void => {
    const key = edgeKey(spec.from, spec.to, spec.via);
    let id = key;
    for (let n = 2; edgeIds.has(id); n++) id = `${key}#${n}`;
    edgeIds.add(id);
    const mark = highlight?.edges[key];
    const label = [mark && `${MARK_SYMBOLS[mark]} ${strings.edgeMarks[mark]}`, spec.label].filter(Boolean).join(' · ');
    edges.push({
      id,
      source: spec.source,
      target: spec.target,
      sourceHandle: spec.handle,
      targetHandle: spec.kind === 'join' ? 'join' : 'in',
      type: 'labelled',
      className: ['diagram-edge', `edge-${spec.kind}`, mark ? `edge-${mark}` : ''].filter(Boolean).join(' '),
      ...(label ? { label } : {}),
      data: { from: spec.from, to: spec.to, via: spec.via, kind: spec.kind, ...(mark ? { mark } : {}) },
      focusable: false,
      selectable: false,
    });
    elkScope?.elkEdges.push({ id, sources: [spec.source], targets: [spec.target] });
  };

  const addStep = (step: Step | TrackStep, scope: Scope, isStart: boolean): PlacedStep => {
    const id = uniqueId(step.id);
    if (!scope.ids.has(step.id)) scope.ids.set(step.id, id);
    const data = stepData(step, isStart, lang, strings, roleTitle, highlight);
    const size = stepSize(data);
    if (data.kind === 'parallel') data.header = size.header;
    const type = data.kind === 'decision' || data.kind === 'parallel' ? data.kind : 'step';
    const { width, height } = size;
    nodes.push({
      id,
      type,
      position: ORIGIN,
      data,
      width,
      height,
      ...inScope(scope),
      ariaLabel: ariaLabel(data, strings, separator),
      ...(data.mark ? { className: `diagram-mark-${data.mark}` } : {}),
    });
    // A parallel step's lanes are filled in below, once every top-level step has claimed its id.
    const elk: ElkNode =
      data.kind === 'parallel'
        ? { id, layoutOptions: groupOptions(size.header, width), children: [] }
        : { id, width, height };
    scope.elkChildren.push(elk);
    return { id, step, size, elk };
  };

  /** A step's outgoing edges, once every step of its scope has a node. */
  const link = ({ id, step }: PlacedStep, scope: Scope): void => {
    const edge = (handle: EdgeHandle, to: string, kind: EdgeKind, label?: string) =>
      addEdge({ from: step.id, to, via: handle, kind, source: id, target: resolve(scope, to), handle, label }, scope);
    if (step.kind === 'action' || step.kind === 'parallel') edge('next', step.next, 'next');
    if (step.kind === 'decision') {
      for (const o of step.options) edge(`option:${o.id}`, o.next, 'option', pick(o.label, lang) || o.id);
    }
    if (step.kind !== 'end' && step.timeout) {
      edge('timeout', step.timeout.next, 'timeout', fill(strings.timeout, { seconds: step.timeout.seconds }));
    }
  };

  const root = newScope();
  nodes.push({
    id: START_NODE_ID,
    type: 'start',
    position: ORIGIN,
    data: {},
    width: GEOMETRY.startWidth,
    height: GEOMETRY.smallHeight,
    ariaLabel: strings.start,
    ...MARK_NODE,
  });
  root.elkChildren.push({ id: START_NODE_ID, width: GEOMETRY.startWidth, height: GEOMETRY.smallHeight });

  const topLevel = plan.steps.map((step) => addStep(step, root, step.id === plan.start));
  for (const parallel of topLevel) {
    if (parallel.step.kind !== 'parallel') continue;
    const group = parallel.elk;
    for (const track of parallel.step.tracks) {
      const role = roleTitle.get(track.role) ?? track.role;
      const scope = newScope(uniqueId(`${parallel.id}::lane::${track.role}`));
      const laneId = scope.laneId!;
      const ariaLabel = fill(strings.lane, { role });
      nodes.push({
        id: laneId,
        type: 'lane',
        position: ORIGIN,
        data: { role },
        parentId: parallel.id,
        ariaLabel,
        ...MARK_NODE,
      });
      const steps = track.steps.map((s) => addStep(s, scope, s.id === track.start));
      for (const s of steps) link(s, scope);
      // Drawn from the top of the lane (under the fork bar) and to its bottom (over the join bar): straight down,
      // where lines from the parallel step's own box would cross the other lanes. Keyed by the steps, as diffs are.
      const fork = { from: parallel.step.id, to: track.start, via: `track-start:${track.role}` } as const;
      addEdge({ ...fork, kind: 'track-start', source: laneId, target: resolve(scope, track.start), handle: 'fork' });
      for (const end of steps) {
        if (end.step.kind !== 'end') continue;
        const join = { from: end.step.id, to: parallel.step.id, via: `join:${track.role}` } as const;
        addEdge({ ...join, kind: 'join', source: end.id, target: laneId, handle: 'join' });
      }
      // The track's first step leads its lane.
      const first = scope.elkChildren.findIndex((c) => c.id === scope.ids.get(track.start));
      if (first > 0) scope.elkChildren.unshift(...scope.elkChildren.splice(first, 1));
      group.children!.push({ id: laneId, children: scope.elkChildren, edges: scope.elkEdges });
    }
  }
  for (const step of topLevel) link(step, root);
  const start = { from: START_NODE_ID, to: plan.start, via: 'start', kind: 'start' } as const;
  addEdge({ ...start, source: START_NODE_ID, target: resolve(root, plan.start), handle: 'next' }, root);

  const big = nodes.length > BIG_GRAPH_NODES;
  const layoutOptions = big ? { ...ROOT_LAYOUT, ...BIG_GRAPH_LAYOUT } : ROOT_LAYOUT;
  // Screen readers name an edge by the steps it joins (React Flow's default is "Edge from <id> to <id>").
  const names = new Map<string, string>([[START_NODE_ID, strings.start]]);
  for (const node of nodes)
    if (isStepNode(node) && !names.has(node.data.stepId)) names.set(node.data.stepId, node.data.title);
  for (const edge of edges) {
    const { from, to } = edge.data!;
    const route = `${names.get(from) ?? from} → ${names.get(to) ?? fill(strings.missing, { id: to })}`;
    edge.ariaLabel = typeof edge.label === 'string' ? `${route}${separator}${edge.label}` : route;
  }
  const elk: ElkNode = { id: '::root', layoutOptions, children: root.elkChildren, edges: root.elkEdges };
  return { nodes, edges, elk, layoutKey: JSON.stringify(elk) };
}

const ORIGIN = { x: 0, y: 0 };
/** The start, lanes and markers: named groups for screen readers, but no tab stops (there is nothing to select). */
const MARK_NODE = { focusable: false, ariaRole: 'group' } as const;

interface PlacedStep {
  id: string;
  step: Step | TrackStep;
  size: { width: number; height: number; header: number };
  elk: ElkNode;
}

function stepData(
  step: Step | TrackStep,
  start: boolean,
  lang: Language,
  strings: DiagramStrings,
  roleTitle: ReadonlyMap<string, string>,
  highlight: DiagramHighlight | undefined,
): StepData {
  const kind: StepKind = step.kind === 'end' && !('outcome' in step) ? 'trackEnd' : step.kind;
  const title = pick(step.title, lang) || (kind === 'trackEnd' ? strings.kinds.trackEnd : step.id);
  const roleId = 'role' in step ? step.role : undefined;
  const target = step.kind !== 'end' ? step.targetSeconds : undefined;
  const mark = highlight?.steps[step.id];
  return {
    stepId: step.id,
    kind,
    title,
    titleLines: kind === 'trackEnd' ? 1 : titleLines(title, kind),
    ...(roleId ? { role: roleTitle.get(roleId) ?? roleId } : {}),
    ...(target !== undefined ? { targetSeconds: target } : {}),
    ...('outcome' in step ? { outcome: OUTCOME_LABELS[step.outcome][lang] } : {}),
    start,
    ...(mark ? { mark } : {}),
    handles: sourceHandles(step, lang, strings),
  };
}

/** One handle per kind of edge the step can have, set or not: dragging from it sets that edge. */
function sourceHandles(step: Step | TrackStep, lang: Language, strings: DiagramStrings): SourceHandle[] {
  const timeout: SourceHandle = { id: 'timeout', side: 'right', at: 0.5, title: strings.handles.timeout };
  if (step.kind === 'action' || step.kind === 'parallel') {
    return [{ id: 'next', side: 'bottom', at: 0.5, title: strings.handles.next }, timeout];
  }
  if (step.kind === 'decision') {
    const count = step.options.length;
    const options = step.options.map((o, i): SourceHandle => ({
      id: `option:${o.id}`,
      side: 'bottom',
      at: (i + 1) / (count + 1),
      title: fill(strings.handles.option, { label: pick(o.label, lang) || o.id }),
    }));
    return [...options, timeout];
  }
  return [];
}

function ariaLabel(data: StepData, strings: DiagramStrings, separator: string): string {
  return [
    fill(strings.nodeLabel, { kind: strings.kinds[data.kind], title: data.title }),
    data.role,
    data.targetSeconds !== undefined && fill(strings.target, { seconds: data.targetSeconds }),
    data.outcome && fill(strings.outcome, { outcome: data.outcome }),
    data.start && strings.startStep,
    data.mark && `${MARK_SYMBOLS[data.mark]} ${strings.marks[data.mark]}`,
  ]
    .filter(Boolean)
    .join(separator);
}
