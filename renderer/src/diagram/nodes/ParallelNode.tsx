// A parallel step: its header above the lanes (React Flow draws the lanes as its children), a fork bar that starts
// every track, and the join bar the tracks' ends lead to, from which its `next` leaves.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { StepNode } from '../diagramTypes';
import { SourceHandles, TargetHandle } from './handles';
import { StepBody } from './StepBody';
import { useDiagramStrings } from './DiagramStringsContext';

export const ParallelNode = memo(function ParallelNode({ data, isConnectable }: NodeProps<StepNode>) {
  const strings = useDiagramStrings();
  const header = data.header ?? 0;
  return (
    <div className={`diagram-parallel${data.mark ? ' diagram-marked' : ''}`} data-step={data.stepId}>
      <TargetHandle connectable={isConnectable} />
      <div className="diagram-parallel-header">
        <StepBody data={data} />
      </div>
      <div className="diagram-fork" style={{ top: header - 8 }} aria-hidden="true" />
      <div className="diagram-join">{strings.join}</div>
      <SourceHandles handles={data.handles} connectable={isConnectable} />
    </div>
  );
});
