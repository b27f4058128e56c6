// Where things are drawn: node sizes (from their text, so the layout can run before anything is on screen), a layout's
// boxes, and where each handle sits. Pure; shared by the graph builder, the layout worker and the diagram.
import type { NodeHandle, Position } from '@xyflow/react';
import type { DiagramNode, StepData, StepKind } from './diagramTypes';

/** Pixel sizes shared by the layout and the node components (diagram.css draws text at these sizes). */
export const GEOMETRY = {
  stepWidth: 224,
  padX: 12,
  padY: 8,
  /** Kind, marks and the start badge. */
  kindRow: 20,
  line: 20,
  maxLines: 3,
  /** Role and clock, or an end's outcome. */
  metaRow: 20,
  /** The decision's slanted sides take this much on each side. */
  decisionInset: 18,
  smallHeight: 32,
  startWidth: 96,
  trackEndWidth: 128,
  lanePadTop: 32,
  lanePad: 10,
  laneMinWidth: 176,
  groupPad: 12,
  forkBar: 16,
  joinBar: 40,
} as const;

/** Rough width of text at the diagram's 14 px: CJK characters are square, Latin ones about half as wide. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width += code >= 0x2e80 ? 14 : ch === ' ' ? 4 : /[A-Z0-9]/.test(ch) ? 9 : 7.5;
  }
  return width;
}

/** Lines the title takes (at most `maxLines`; the rest is cut with an ellipsis), wrapping losing a little. */
export function titleLines(title: string, kind: StepKind): number {
  const inset = kind === 'decision' ? 2 * GEOMETRY.decisionInset : 0;
  const room = GEOMETRY.stepWidth - 2 * GEOMETRY.padX - inset;
  return Math.min(GEOMETRY.maxLines, Math.max(1, Math.ceil((textWidth(title) * 1.1) / room)));
}

export function stepSize(data: StepData): { width: number; height: number; header: number } {
  if (data.kind === 'trackEnd') return { width: GEOMETRY.trackEndWidth, height: GEOMETRY.smallHeight, header: 0 };
  const meta = data.role !== undefined || data.targetSeconds !== undefined || data.outcome !== undefined;
  const body = 2 * GEOMETRY.padY + GEOMETRY.kindRow + data.titleLines * GEOMETRY.line + (meta ? GEOMETRY.metaRow : 0);
  if (data.kind !== 'parallel') return { width: GEOMETRY.stepWidth, height: body, header: 0 };
  const header = body + GEOMETRY.forkBar;
  return { width: GEOMETRY.stepWidth + 2 * GEOMETRY.groupPad, height: header + GEOMETRY.joinBar, header };
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
/** Node id → its box, relative to its parent (ELK and React Flow both place children so). */
export type Layout = Readonly<Record<string, Box>>;

/**
 * The nodes where `layout` puts them (a parallel step and its lanes at the layout's size). A node the layout does not
 * know yet (added since) stays hidden until the next layout arrives, so the previous picture stays whole meanwhile.
 * Every node carries its handles' places (as diagram.css puts them): React Flow would otherwise draw every node of
 * a big plan once, off screen too, just to measure them.
 */
export function placeNodes(nodes: readonly DiagramNode[], layout: Layout): DiagramNode[] {
  return nodes.map((node): DiagramNode => {
    const box = layout[node.id];
    if (!box) return { ...node, hidden: true };
    const position = { x: box.x, y: box.y };
    const compound = node.type === 'parallel' || node.type === 'lane';
    const width = compound ? box.width : (node.width ?? box.width);
    const height = compound ? box.height : (node.height ?? box.height);
    return { ...node, position, width, height, handles: handlesOf(node, width, height) };
  });
}

const HANDLE = 14;
const at = (x: number, y: number, position: string, type: 'source' | 'target', id: string): NodeHandle => ({
  id,
  type,
  position: position as Position,
  x: x - HANDLE / 2,
  y: y - HANDLE / 2,
  width: HANDLE,
  height: HANDLE,
});

/** Where diagram.css puts each handle: a source's centre on its side, a step's target covering the whole step. */
function handlesOf(node: DiagramNode, w: number, h: number): NodeHandle[] {
  switch (node.type) {
    case 'start':
      return [at(w / 2, h, 'bottom', 'source', 'next')];
    case 'missing':
      return [at(w / 2, 0, 'top', 'target', 'in')];
    case 'lane':
      return [at(w / 2, -HANDLE / 2, 'bottom', 'source', 'fork'), at(w / 2, h + HANDLE / 2, 'top', 'target', 'join')];
    default: {
      const cover: NodeHandle = {
        id: 'in',
        type: 'target',
        position: 'top' as Position,
        x: 0,
        y: 0,
        width: w,
        height: h,
      };
      const sources = node.data.handles.map((s) =>
        s.side === 'right' ? at(w, s.at * h, 'right', 'source', s.id) : at(s.at * w, h, 'bottom', 'source', s.id),
      );
      const join = node.data.kind === 'trackEnd' ? [at(w / 2, h, 'bottom', 'source', 'join')] : [];
      return [cover, ...sources, ...join];
    }
  }
}
