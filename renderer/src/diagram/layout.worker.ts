// The layout worker: a parallel step's lanes by laneLayout.ts, then the top level by ELK's layered algorithm, off the
// main thread so typing in the editor never waits for a layout. One message in, one answer out, in order.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { layOutLanes } from './laneLayout';
import type { LayoutReply, LayoutRequest } from './layoutClient';
import type { Box } from './geometry';

// Constructing ELK loads its engine, which claims `self.onmessage` for elkjs's own protocol: ours is set after it.
const elk = new ELK();

/**
 * A small plan-like graph (a branch, a loop, a join) laid out once at start: the engine's code is compiled on first
 * use, so the first real layout of a 50-step plan takes ≈ 100 ms instead of ≈ 300 ms once this has run.
 */
function warmUp(): ElkNode {
  const link = (from: number, to: number) => ({ id: `e${from}-${to}`, sources: [`n${from}`], targets: [`n${to}`] });
  return {
    id: 'warm-up',
    layoutOptions: WARM_UP_OPTIONS,
    children: Array.from({ length: 8 }, (_, i) => ({ id: `n${i}`, width: 224, height: 68 })),
    edges: [link(0, 1), link(1, 2), link(1, 3), link(2, 4), link(3, 4), link(4, 5), link(5, 1), link(5, 6), link(6, 7)],
  };
}
const WARM_UP_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.edgeRouting': 'POLYLINE',
  'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};
// Messages that arrive meanwhile wait in the queue: the worker does one thing at a time.
void elk.layout(warmUp()).catch(() => undefined);

async function layOut(graph: ElkNode): Promise<Record<string, Box>> {
  const { top, inner } = layOutLanes(graph);
  const placed = await elk.layout(top);
  const boxes: Record<string, Box> = { ...inner };
  for (const child of placed.children ?? []) {
    boxes[child.id] = { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? 0, height: child.height ?? 0 };
  }
  return boxes;
}

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, graph } = event.data;
  layOut(graph).then(
    (layout) => self.postMessage({ id, layout } satisfies LayoutReply),
    (error: unknown) => self.postMessage({ id, error: String(error) } satisfies LayoutReply),
  );
};
