// An edge with its label (an option, a timeout, a diff mark) where it can be read. A downward edge is React Flow's
// smooth step, bending in the free band just below its step, where its label sits (not on some step further down); an
// edge back up (a loop: "retry", "not yet") leaves downwards, runs up beside the steps and enters its target from
// above; a timeout's label sits beside the step it leaves. Labels are drawn above the steps, so none is hidden.
import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, Position, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { DiagramEdge } from '../diagramTypes';
import { GEOMETRY } from '../geometry';

/** Less than half the space ELK leaves between layers. */
const BEND = 22;
/** How far right of the steps' middles a loop runs: past half a step, and a little more. */
const LOOP_OUT = GEOMETRY.stepWidth / 2 + 28;
const RADIUS = 8;

export const LabelledEdge = memo(function LabelledEdge(props: EdgeProps<DiagramEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, label, markerEnd, data } = props;
  const fromBottom = sourcePosition === Position.Bottom && targetPosition === Position.Top;
  const beside = sourcePosition === Position.Right;
  let path: string;
  let at: { x: number; y: number };
  if (fromBottom && targetY <= sourceY) {
    const out = Math.max(sourceX, targetX) + LOOP_OUT;
    const points = [
      { x: sourceX, y: sourceY },
      { x: sourceX, y: sourceY + BEND },
      { x: out, y: sourceY + BEND },
      { x: out, y: targetY - BEND },
      { x: targetX, y: targetY - BEND },
      { x: targetX, y: targetY },
    ];
    path = roundedPath(points);
    at = { x: (sourceX + out) / 2, y: sourceY + BEND };
  } else {
    const [smooth, labelX, labelY] = getSmoothStepPath({
      sourceX,
      sourceY,
      targetX,
      targetY,
      sourcePosition,
      targetPosition,
      borderRadius: RADIUS,
      offset: 16,
      ...(fromBottom && targetY > sourceY + 2 * BEND ? { centerY: sourceY + BEND } : {}),
    });
    path = smooth;
    at = beside ? { x: sourceX + 6, y: sourceY - 2 } : { x: labelX, y: labelY };
  }
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} />
      {label && (
        <EdgeLabelRenderer>
          <div
            data-edge={id}
            className={`diagram-edge-label${beside ? ' beside' : ''}${data?.mark ? ` edge-label-${data.mark}` : ''}`}
            style={{
              transform: `translate(${at.x}px, ${at.y}px) ${beside ? 'translate(0, -100%)' : 'translate(-50%, -50%)'}`,
            }}
          >
            {label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});

/** An orthogonal polyline with its corners rounded. */
function roundedPath(points: readonly { x: number; y: number }[]): string {
  let d = `M${points[0]!.x},${points[0]!.y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const [a, b, c] = [points[i - 1]!, points[i]!, points[i + 1]!];
    const r = Math.min(RADIUS, Math.hypot(b.x - a.x, b.y - a.y) / 2, Math.hypot(c.x - b.x, c.y - b.y) / 2);
    const before = { x: b.x - Math.sign(b.x - a.x) * r, y: b.y - Math.sign(b.y - a.y) * r };
    const after = { x: b.x + Math.sign(c.x - b.x) * r, y: b.y + Math.sign(c.y - b.y) * r };
    d += ` L${before.x},${before.y} Q${b.x},${b.y} ${after.x},${after.y}`;
  }
  const last = points[points.length - 1]!;
  return `${d} L${last.x},${last.y}`;
}
