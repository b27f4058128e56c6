// The plan as a flow diagram: React Flow draws what planGraph.ts builds from the plan, placed by the layout worker
// (ELK). A new layout is asked for only when the layout key changes; until it arrives the previous one stays on screen.
import '@xyflow/react/dist/base.css';
import '../styles/diagram.css';
import {
  Controls,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStoreApi,
  type Connection,
  type Edge,
  type EdgeTypes,
  type FitViewOptions,
  type NodeMouseHandler,
  type NodeTypes,
} from '@xyflow/react';
import { useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Plan } from '../../../shared/plan/schema';
import type { Language } from '../../../shared/plan/vocabulary';
import { addStrings } from '../i18n/addStrings';
import { isStepNode, type DiagramEdge, type DiagramHighlight, type DiagramNode, type EdgeHandle } from './diagramTypes';
import { buildPlanGraph, type PlanGraph } from './planGraph';
import { placeNodes, type Layout } from './geometry';
import { cachedLayout, createLayoutClient, warmUpLayout, type LayoutClient } from './layoutClient';
import { fill } from '../i18n/fill';
import { DIAGRAM_BUNDLE, DIAGRAM_STRINGS, type DiagramStrings } from './strings';
import { DecisionNode } from './nodes/DecisionNode';
import { DiagramStringsContext } from './nodes/DiagramStringsContext';
import { LabelledEdge } from './nodes/LabelledEdge';
import { LaneNode } from './nodes/LaneNode';
import { Legend } from './nodes/Legend';
import { MissingNode, StartNode } from './nodes/MarkerNodes';
import { ParallelNode } from './nodes/ParallelNode';
import { StepNode } from './nodes/StepNode';

export { edgeKey, highlightFromDiff, viaKey } from './planGraph';
export type { DiagramHighlight, EdgeHandle } from './diagramTypes';

addStrings(DIAGRAM_BUNDLE);
// Screens that show a diagram load this module with their chunk (the plan library, the editor, review): the worker
// and its engine start then, while the screen fetches its plan, rather than when the first diagram asks.
warmUpLayout();

export interface PlanDiagramProps {
  plan: Plan;
  lang: Language;
  /** The step being edited: drawn selected, and scrolled into view. */
  selected?: string;
  onSelect?: (stepId: string) => void;
  /** The user drew an edge from a step's handle to another step (absent: the diagram is read-only). */
  onConnect?: (edge: { from: string; handle: EdgeHandle; to: string }) => void;
  highlight?: DiagramHighlight;
  /** Accessible name of the diagram region. */
  label: string;
  /** Extra classes for the region, e.g. to size it (diagram.css gives it a default height). */
  className?: string;
}

const NODE_TYPES: NodeTypes = {
  step: StepNode,
  decision: DecisionNode,
  parallel: ParallelNode,
  lane: LaneNode,
  start: StartNode,
  missing: MissingNode,
};

const EDGE_TYPES: EdgeTypes = { labelled: LabelledEdge };

/** Above this many nodes only those on screen are drawn (a 1,000-step plan has about 1,200). */
const VISIBLE_ONLY_ABOVE = 150;
/** The smallest zoom the diagram opens at: a plan that only fits smaller opens on its start (or selected step). */
const READABLE_ZOOM = 0.6;

export function PlanDiagram(props: PlanDiagramProps) {
  return (
    <ReactFlowProvider>
      <DiagramCanvas {...props} />
    </ReactFlowProvider>
  );
}

function DiagramCanvas({ plan, lang, selected, onSelect, onConnect, highlight, label, className }: PlanDiagramProps) {
  const strings = DIAGRAM_STRINGS[lang];
  // Typing in the editor renders first; the diagram catches up when React has time.
  const deferredPlan = useDeferredValue(plan);
  const graph = useMemo(
    () => buildPlanGraph(deferredPlan, lang, strings, highlight),
    [deferredPlan, lang, strings, highlight],
  );
  const { boxes, error } = useLayout(graph);
  const [clicked, setClicked] = useState<string>();
  const current = selected ?? clicked;
  const markerPrefix = `diagram${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;

  const placed = useMemo(() => (boxes ? placeNodes(graph.nodes, boxes) : undefined), [graph.nodes, boxes]);
  const nodes = useMemo(() => placed && markSelected(placed, current, strings, lang), [placed, current, strings, lang]);
  const edges = useMemo(() => withMarkers(graph.edges, markerPrefix), [graph.edges, markerPrefix]);
  const byId = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n])), [graph.nodes]);

  const select = useCallback(
    (nodeId: string | null | undefined) => {
      const node = nodeId ? byId.get(nodeId) : undefined;
      if (!node || !isStepNode(node)) return;
      setClicked(node.data.stepId);
      onSelect?.(node.data.stepId);
    },
    [byId, onSelect],
  );
  const onNodeClick: NodeMouseHandler<DiagramNode> = useCallback((_event, node) => select(node.id), [select]);
  // React Flow focuses nodes (Tab) and pans to them; Enter or Space on the focused node selects it.
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      const target = event.target as HTMLElement;
      if (!target.classList.contains('react-flow__node')) return;
      event.preventDefault();
      select(target.dataset.id);
    },
    [select],
  );

  const stepEdge = useCallback(
    (c: Connection | Edge): { from: string; handle: EdgeHandle; to: string } | undefined => {
      const from = byId.get(c.source);
      const to = byId.get(c.target);
      const handle = c.sourceHandle;
      if (!from || !to || !isStepNode(from) || !isStepNode(to) || from === to || !isEdgeHandle(handle)) return;
      return { from: from.data.stepId, handle, to: to.data.stepId };
    },
    [byId],
  );
  const handleConnect = useCallback(
    (c: Connection) => {
      const edge = stepEdge(c);
      if (edge) onConnect?.(edge);
    },
    [stepEdge, onConnect],
  );

  // Used once, when the first layout arrives.
  const canvas = useRef<HTMLDivElement>(null);
  const fitViewOptions = useMemo(
    () => (nodes && canvas.current ? initialView(nodes, current, canvas.current) : undefined),
    [nodes, current],
  );
  const ariaLabelConfig = useMemo(
    () => ({
      'node.a11yDescription.default': strings.a11y.node,
      'node.a11yDescription.keyboardDisabled': strings.a11y.node,
      'edge.a11yDescription.default': strings.a11y.edge,
      'controls.ariaLabel': strings.a11y.controls,
      'controls.zoomIn.ariaLabel': strings.a11y.zoomIn,
      'controls.zoomOut.ariaLabel': strings.a11y.zoomOut,
      'controls.fitView.ariaLabel': strings.a11y.fitView,
      'controls.interactive.ariaLabel': strings.a11y.interactive,
      'handle.ariaLabel': strings.a11y.handle,
    }),
    [strings],
  );

  return (
    <DiagramStringsContext.Provider value={strings}>
      <div role="region" aria-label={label} className={`plan-diagram${className ? ` ${className}` : ''}`}>
        <Legend highlight={highlight} />
        <p className="diagram-status" aria-live="polite">
          {error ? fill(strings.layoutFailed, { message: error }) : nodes ? '' : strings.laying}
        </p>
        <ArrowMarkers prefix={markerPrefix} />
        <div className="plan-diagram-canvas" onKeyDown={onKeyDown} ref={canvas}>
          {nodes && (
            <ReactFlow<DiagramNode, DiagramEdge>
              nodes={nodes}
              edges={edges}
              nodeTypes={NODE_TYPES}
              edgeTypes={EDGE_TYPES}
              onNodeClick={onNodeClick}
              onConnect={handleConnect}
              isValidConnection={(c) => stepEdge(c) !== undefined}
              nodesConnectable={onConnect !== undefined}
              nodesDraggable={false}
              elementsSelectable={false}
              edgesFocusable={false}
              onlyRenderVisibleElements={nodes.length > VISIBLE_ONLY_ABOVE}
              fitView
              fitViewOptions={fitViewOptions}
              minZoom={0.15}
              maxZoom={1.5}
              zoomOnScroll={false}
              preventScrolling={false}
              zoomOnDoubleClick={false}
              ariaLabelConfig={ariaLabelConfig}
              proOptions={{ hideAttribution: true }}
            >
              <KeepInView stepId={current} layoutKey={graph.layoutKey} boxes={boxes} />
              <Controls showInteractive={false} />
            </ReactFlow>
          )}
        </div>
      </div>
    </DiagramStringsContext.Provider>
  );
}

function isEdgeHandle(handle: string | null | undefined): handle is EdgeHandle {
  return handle === 'next' || handle === 'timeout' || (handle?.startsWith('option:') ?? false);
}

function markSelected(nodes: DiagramNode[], stepId: string | undefined, strings: DiagramStrings, lang: Language) {
  if (!stepId) return nodes;
  const separator = lang === 'zh-CN' ? '，' : ', ';
  return nodes.map((n) =>
    n.id === stepId ? { ...n, selected: true, ariaLabel: `${n.ariaLabel ?? ''}${separator}${strings.selected}` } : n,
  );
}

function withMarkers(edges: readonly DiagramEdge[], prefix: string): DiagramEdge[] {
  return edges.map((e) => ({ ...e, markerEnd: `${prefix}-arrow${e.data?.mark ? `-${e.data.mark}` : ''}` }));
}

/** Arrowheads coloured by the stylesheet (React Flow's own take a colour value, which no theme can change). */
function ArrowMarkers({ prefix }: { prefix: string }) {
  return (
    <svg className="diagram-defs" width="0" height="0" aria-hidden="true" focusable="false">
      <defs>
        {['', '-added', '-removed'].map((suffix) => (
          <marker
            key={suffix}
            id={`${prefix}-arrow${suffix}`}
            className={`diagram-arrow${suffix}`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0 0L10 5L0 10z" />
          </marker>
        ))}
      </defs>
    </svg>
  );
}

/**
 * Where the diagram opens: the whole plan when it fits at a readable size; else, at that size, the selected step or the
 * plan's first screenful.
 */
function initialView(nodes: readonly DiagramNode[], stepId: string | undefined, canvas: HTMLElement): FitViewOptions {
  const top = nodes.filter((n) => !n.parentId && !n.hidden);
  const left = Math.min(...top.map((n) => n.position.x));
  const right = Math.max(...top.map((n) => n.position.x + (n.width ?? 0)));
  const bottom = Math.max(...top.map((n) => n.position.y + (n.height ?? 0)));
  const height = Math.max(1, canvas.clientHeight);
  const fits = Math.min(canvas.clientWidth / (right - left), height / bottom) >= READABLE_ZOOM;
  if (fits) return { padding: 0.05, maxZoom: 1 };
  const zoom = { padding: 0.05, minZoom: READABLE_ZOOM, maxZoom: 1 };
  if (stepId && nodes.some((n) => n.id === stepId && !n.hidden))
    return { ...zoom, nodes: [{ id: stepId }], maxZoom: 0.9 };
  const firstScreen = height / READABLE_ZOOM;
  return {
    ...zoom,
    nodes: top.filter((n) => n.position.y + (n.height ?? 0) <= firstScreen).map((n) => ({ id: n.id })),
  };
}

/** The latest layout of the graph, asked for when its key changes; the previous one stays until the new one comes. */
function useLayout(graph: PlanGraph): { boxes?: Layout; error?: string } {
  // A diagram laid out lately (the same plan reopened) is drawn in the first frame.
  const [state, setState] = useState<{ boxes?: Layout; error?: string }>(() => {
    const boxes = cachedLayout(graph.layoutKey);
    return boxes ? { boxes } : {};
  });
  const client = useRef<LayoutClient>(undefined);
  const requested = useRef<string>(undefined);
  useEffect(() => {
    const created = createLayoutClient(
      (_key, boxes) => setState((previous) => (previous.boxes === boxes && !previous.error ? previous : { boxes })),
      (error) => setState((previous) => ({ ...previous, error })),
    );
    client.current = created;
    requested.current = undefined;
    return () => {
      created.close();
      client.current = undefined;
    };
  }, []);
  useEffect(() => {
    if (requested.current === graph.layoutKey) return;
    requested.current = graph.layoutKey;
    client.current?.request(graph.layoutKey, graph.elk);
  }, [graph]);
  return state;
}

/** Brings the selected step on screen when it is off it (at the same zoom, without animation). */
function KeepInView({ stepId, layoutKey, boxes }: { stepId: string | undefined; layoutKey: string; boxes: unknown }) {
  const flow = useReactFlow();
  const store = useStoreApi();
  useEffect(() => {
    // Until the first fit has happened the viewport is not where it will be (and that fit shows the step).
    if (!stepId || store.getState().fitViewQueued) return;
    const node = flow.getInternalNode(stepId);
    if (!node || node.hidden) return;
    const { width, height, transform } = store.getState();
    const [tx, ty, zoom] = transform;
    const { x, y } = node.internals.positionAbsolute;
    const w = node.width ?? node.measured.width ?? 0;
    const h = node.height ?? node.measured.height ?? 0;
    const inside =
      x * zoom + tx >= 0 && y * zoom + ty >= 0 && (x + w) * zoom + tx <= width && (y + h) * zoom + ty <= height;
    if (!inside) void flow.setCenter(x + w / 2, y + h / 2, { zoom });
  }, [flow, store, stepId, layoutKey, boxes]);
  return null;
}
