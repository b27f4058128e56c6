// The diagram's vocabulary, shared by the graph builder, the geometry and the node components: edge handles, diff
// marks, and what each kind of node and edge carries.
import type { Edge, Node } from '@xyflow/react';

/** Which edge of a step: its `next`, its timeout, or one decision option. */
export type EdgeHandle = 'next' | 'timeout' | `option:${string}`;

export type StepMark = 'added' | 'removed' | 'changed' | 'moved' | 'renamed';
export type EdgeMark = 'added' | 'removed';

/** How the diff colours the diagram: steps by id, edges by `from->to:via` (see `edgeKey`). */
export interface DiagramHighlight {
  steps: Readonly<Record<string, StepMark>>;
  edges: Readonly<Record<string, EdgeMark>>;
}

/** Shown beside a mark's word, so no mark is told by colour alone. */
export const MARK_SYMBOLS: Readonly<Record<StepMark, string>> = {
  added: '＋',
  removed: '－',
  changed: '✎',
  moved: '↕',
  renamed: '⇄',
};

/** A source handle of a step: one per kind of edge it can have, along its bottom or right side. */
export interface SourceHandle {
  id: EdgeHandle;
  side: 'bottom' | 'right';
  /** Where along that side, 0–1. */
  at: number;
  /** What dragging from it does (its tooltip). */
  title: string;
}

export type StepKind = 'action' | 'decision' | 'parallel' | 'end' | 'trackEnd';

export type StepData = {
  stepId: string;
  kind: StepKind;
  title: string;
  titleLines: number;
  /** The role's title (its id when the plan has no such role). */
  role?: string;
  targetSeconds?: number;
  outcome?: string;
  /** The first step of the plan or of its track. */
  start: boolean;
  mark?: StepMark;
  handles: readonly SourceHandle[];
  /** A parallel step: the height of its header, above the lanes. */
  header?: number;
};
export type LaneData = { role: string };
export type MissingData = { target: string };
export type StartData = Record<string, never>;

export type StepNode = Node<StepData, 'step' | 'decision' | 'parallel'>;
export type DiagramNode = StepNode | Node<LaneData, 'lane'> | Node<MissingData, 'missing'> | Node<StartData, 'start'>;

export type EdgeKind = 'next' | 'timeout' | 'option' | 'track-start' | 'join' | 'start';
export type EdgeData = { from: string; to: string; via: string; kind: EdgeKind; mark?: EdgeMark };
export type DiagramEdge = Edge<EdgeData>;

export const START_NODE_ID = '::start';

export function isStepNode(node: DiagramNode): node is StepNode {
  return node.type === 'step' || node.type === 'decision' || node.type === 'parallel';
}
