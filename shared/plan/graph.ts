// Graph checks on one step scope (the plan's top level, or one track of a parallel step):
// unknown targets, missing start, unreachable steps, dead ends and loops with no exit. Linear time.
import { finding, type Finding } from './findings';

export interface ScopeEdge {
  target: string;
  path: string;
}

export interface ScopeNode {
  id: string;
  isEnd: boolean;
  path: string;
  edges: ScopeEdge[];
}

export interface Scope {
  start: string;
  startPath: string;
  nodes: ScopeNode[];
  /** Names for messages: "the plan" or "the guard track". */
  name: { zh: string; en: string };
  /** Set for a track: then "the start cannot reach an end" is reported as track-never-ends. */
  track?: { role: string; path: string; stepId: string };
}

export function analyseScope(scope: Scope): Finding[] {
  const findings: Finding[] = [];
  const scopeParams = { scopeZh: scope.name.zh, scopeEn: scope.name.en };
  // First node wins for duplicate ids; duplicates are reported by the caller (ids are plan-wide).
  const index = new Map<string, number>();
  scope.nodes.forEach((n, i) => {
    if (!index.has(n.id)) index.set(n.id, i);
  });

  const successors: number[][] = scope.nodes.map((node) => {
    const out: number[] = [];
    for (const edge of node.edges) {
      const target = index.get(edge.target);
      if (target === undefined) {
        findings.push(
          finding('unknown-target', edge.path, { target: edge.target, ...scopeParams }, { stepId: node.id }),
        );
      } else out.push(target);
    }
    return out;
  });

  const startIndex = index.get(scope.start);
  if (startIndex === undefined) {
    const owner = scope.track ? { stepId: scope.track.stepId } : {};
    findings.push(finding('missing-start', scope.startPath, { start: scope.start, ...scopeParams }, owner));
    return findings;
  }

  const reachable = markFrom([startIndex], successors);
  const predecessors: number[][] = scope.nodes.map(() => []);
  successors.forEach((outs, from) => outs.forEach((to) => predecessors[to]!.push(from)));
  const ends = scope.nodes.flatMap((n, i) => (n.isEnd ? [i] : []));
  const reachesEnd = markFrom(ends, predecessors);

  scope.nodes.forEach((node, i) => {
    if (!reachable[i] && index.get(node.id) === i) {
      findings.push(finding('unreachable-step', node.path, {}, { stepId: node.id }));
    }
  });

  if (scope.track && !reachesEnd[startIndex]) {
    findings.push(
      finding('track-never-ends', scope.track.path, { role: scope.track.role }, { stepId: scope.track.stepId }),
    );
  }

  // Reachable steps that cannot reach an end: loops among them are one finding, the rest one each.
  const dead = scope.nodes.map((_, i) => reachable[i]! && !reachesEnd[i]!);
  const inLoop = new Set<number>();
  for (const component of stronglyConnected(dead, successors)) {
    const first = component[0]!;
    const isLoop = component.length > 1 || successors[first]!.includes(first);
    if (!isLoop) continue;
    component.sort((a, b) => a - b);
    component.forEach((i) => inLoop.add(i));
    const head = scope.nodes[component[0]!]!;
    const steps = component.map((i) => scope.nodes[i]!.id).join(' → ');
    findings.push(finding('cycle-without-exit', head.path, { steps }, { stepId: head.id }));
  }
  scope.nodes.forEach((node, i) => {
    if (dead[i] && !inLoop.has(i)) findings.push(finding('no-path-to-end', node.path, {}, { stepId: node.id }));
  });
  return findings;
}

function markFrom(roots: number[], next: number[][]): boolean[] {
  const seen = next.map(() => false);
  const stack = [...roots];
  for (const r of roots) seen[r] = true;
  while (stack.length > 0) {
    const i = stack.pop()!;
    for (const j of next[i]!) {
      if (!seen[j]) {
        seen[j] = true;
        stack.push(j);
      }
    }
  }
  return seen;
}

/** Tarjan's algorithm without recursion (plans of 10,000 steps would overflow the stack). */
function stronglyConnected(include: boolean[], successors: number[][]): number[][] {
  const n = include.length;
  const order = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (!include[root] || order[root] !== -1) continue;
    const work: Array<[node: number, edge: number]> = [[root, 0]];
    order[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [v, e] = frame;
      const outs = successors[v]!;
      if (e < outs.length) {
        frame[1] = e + 1;
        const w = outs[e]!;
        if (!include[w]) continue;
        if (order[w] === -1) {
          order[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = true;
          work.push([w, 0]);
        } else if (onStack[w]) low[v] = Math.min(low[v]!, order[w]!);
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]![0];
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] === order[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = false;
          component.push(w);
        } while (w !== v);
        components.push(component);
      }
    }
  }
  return components;
}
