// A step's connection points. Read-only diagrams keep them, unseen and inert, because React Flow anchors edges on them.
import { Handle, Position } from '@xyflow/react';
import type { SourceHandle } from '../diagramTypes';

/**
 * The target covers the whole step, so dropping a new edge anywhere on a step connects it; it never starts one, so a
 * click on the step still selects it.
 */
export function TargetHandle({ connectable }: { connectable: boolean }) {
  return (
    <Handle
      type="target"
      id="in"
      position={Position.Top}
      className="diagram-target"
      isConnectable={connectable}
      isConnectableStart={false}
    />
  );
}

/** One handle per kind of edge the step can have, placed and titled by planGraph. */
export function SourceHandles({ handles, connectable }: { handles: readonly SourceHandle[]; connectable: boolean }) {
  return handles.map((h) => (
    <Handle
      key={h.id}
      type="source"
      id={h.id}
      position={h.side === 'right' ? Position.Right : Position.Bottom}
      className={`diagram-source diagram-source-${h.side}`}
      style={h.side === 'right' ? { top: `${h.at * 100}%` } : { left: `${h.at * 100}%` }}
      isConnectable={connectable}
      isConnectableEnd={false}
      title={connectable ? h.title : undefined}
    />
  ));
}
