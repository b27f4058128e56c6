// One track of a parallel step: a lane headed by its role, holding that role's steps. Its track's start edge leaves
// from its top (under the fork bar) and its end's join edge reaches its bottom (over the join bar).
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { LaneData } from '../diagramTypes';

export const LaneNode = memo(function LaneNode({ data }: NodeProps<Node<LaneData, 'lane'>>) {
  return (
    <div className="diagram-lane">
      <Handle
        type="source"
        id="fork"
        position={Position.Bottom}
        className="diagram-inert diagram-lane-fork"
        isConnectable={false}
      />
      <div className="diagram-lane-role">{data.role}</div>
      <Handle
        type="target"
        id="join"
        position={Position.Top}
        className="diagram-inert diagram-lane-join"
        isConnectable={false}
      />
    </div>
  );
});
