// Places the steps inside each parallel step's lanes, so ELK lays out only the top level, with every parallel step a
// box of known size: ELK's own hierarchical layout took tens of ms per lane in Node (a 50-step plan ≈ 0.9 s with its
// lanes, ≈ 60 ms without; a 1,000-step plan has 220 lanes), this takes ≈ 3 ms for all of them. A lane holds one role's
// few steps, mostly a chain: layers by longest path, in plan order.
import type { ElkNode } from 'elkjs/lib/elk-api';
import { GEOMETRY, type Box } from './geometry';

const LAYER_GAP = 40;
const NODE_GAP = 24;
const LANE_GAP = 16;

/** Every box inside the parallel steps (relative to its parent), and the top-level graph with those steps as leaves. */
export function layOutLanes(graph: ElkNode): { top: ElkNode; inner: Record<string, Box> } {
  const inner: Record<string, Box> = {};
  const children = (graph.children ?? []).map((child): ElkNode => {
    if (!child.children) return child;
    const { width, height } = layOutGroup(child, inner);
    return { id: child.id, width, height };
  });
  return { top: { ...graph, children }, inner };
}

/** A parallel step: its lanes side by side under its header, all as tall as the tallest, above its join bar. */
function layOutGroup(group: ElkNode, boxes: Record<string, Box>): { width: number; height: number } {
  const header = Number(group.layoutOptions?.['guardbook.header'] ?? 0);
  const minWidth = Number(group.layoutOptions?.['guardbook.minWidth'] ?? 0);
  const lanes = (group.children ?? []).map((lane) => ({ lane, size: layOutLane(lane, boxes) }));
  const laneHeight = Math.max(0, ...lanes.map((l) => l.size.height));
  const lanesWidth = lanes.reduce((sum, l) => sum + l.size.width, 0) + LANE_GAP * Math.max(0, lanes.length - 1);
  const width = Math.max(minWidth, lanesWidth + 2 * GEOMETRY.groupPad);
  let x = (width - lanesWidth) / 2;
  for (const { lane, size } of lanes) {
    boxes[lane.id] = { x, y: header, width: size.width, height: laneHeight };
    x += size.width + LANE_GAP;
  }
  return { width, height: header + laneHeight + GEOMETRY.joinBar };
}

/** One lane: layers by longest path from its first step (edges back to an ancestor ignored), rows centred. */
function layOutLane(lane: ElkNode, boxes: Record<string, Box>): { width: number; height: number } {
  const nodes = lane.children ?? [];
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const out = nodes.map((): number[] => []);
  for (const edge of lane.edges ?? []) {
    const from = index.get(edge.sources[0] ?? '');
    const to = index.get(edge.targets[0] ?? '');
    if (from !== undefined && to !== undefined && from !== to) out[from]!.push(to);
  }
  const layer = longestPathLayers(out);
  const rows: number[][] = [];
  layer.forEach((l, i) => (rows[l] ??= []).push(i));

  const { lanePad, lanePadTop, laneMinWidth } = GEOMETRY;
  const rowWidth = (row: number[]) =>
    row.reduce((sum, i) => sum + (nodes[i]!.width ?? 0), 0) + NODE_GAP * (row.length - 1);
  const innerWidth = Math.max(laneMinWidth - 2 * lanePad, ...rows.map((row) => (row ? rowWidth(row) : 0)));
  let y = lanePadTop;
  for (const row of rows) {
    if (!row) continue;
    let x = lanePad + (innerWidth - rowWidth(row)) / 2;
    const height = Math.max(...row.map((i) => nodes[i]!.height ?? 0));
    for (const i of row) {
      const node = nodes[i]!;
      const box = { width: node.width ?? 0, height: node.height ?? 0 };
      boxes[node.id] = { x, y: y + (height - box.height) / 2, ...box };
      x += box.width + NODE_GAP;
    }
    y += height + LAYER_GAP;
  }
  const height = rows.length === 0 ? lanePadTop + GEOMETRY.smallHeight : y - LAYER_GAP + lanePad;
  return { width: innerWidth + 2 * lanePad, height };
}

/**
 * Layer of each node: 0 for the first node and any node nothing reaches, else one below the deepest node with an edge
 * to it. Edges that close a loop (to a node on the depth-first path) are left out, so loops cannot stretch the lane.
 */
export function longestPathLayers(out: readonly (readonly number[])[]): number[] {
  const state = new Uint8Array(out.length); // 0 unseen, 1 on the path, 2 done
  const order: number[] = [];
  const forward = out.map((): number[] => []);
  for (let root = 0; root < out.length; root++) {
    if (state[root] !== 0) continue;
    // Iterative depth-first search: [node, next edge index].
    const stack: [number, number][] = [[root, 0]];
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const [node, next] = top;
      const targets = out[node]!;
      if (next < targets.length) {
        top[1]++;
        const to = targets[next]!;
        if (state[to] === 1) continue; // back edge: a loop
        forward[node]!.push(to);
        if (state[to] === 0) {
          state[to] = 1;
          stack.push([to, 0]);
        }
      } else {
        state[node] = 2;
        order.push(node);
        stack.pop();
      }
    }
  }
  const layer = new Array<number>(out.length).fill(0);
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i]!;
    for (const to of forward[node]!) layer[to] = Math.max(layer[to]!, layer[node]! + 1);
  }
  return layer;
}
