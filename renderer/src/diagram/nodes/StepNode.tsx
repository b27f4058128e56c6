// An action, an end of the plan, or the end of one track (smaller: "this role is done").
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { StepNode as StepNodeType } from '../diagramTypes';
import { SourceHandles, TargetHandle } from './handles';
import { StepBody } from './StepBody';
import { useDiagramStrings } from './DiagramStringsContext';

export const StepNode = memo(function StepNode({ data, isConnectable }: NodeProps<StepNodeType>) {
  const strings = useDiagramStrings();
  const kind = `diagram-step diagram-${data.kind}${data.mark ? ` diagram-marked` : ''}`;
  return (
    <div className={kind} data-step={data.stepId} data-kind={data.kind}>
      <TargetHandle connectable={isConnectable} />
      {data.kind === 'trackEnd' ? (
        <span className="diagram-track-end">
          <span aria-hidden="true">■</span> {data.title || strings.kinds.trackEnd}
          {data.mark && <span className="diagram-badge">{strings.marks[data.mark]}</span>}
          {/* Where the edge to the join bar leaves. */}
          <Handle type="source" id="join" position={Position.Bottom} className="diagram-inert" isConnectable={false} />
        </span>
      ) : (
        <StepBody data={data} />
      )}
      <SourceHandles handles={data.handles} connectable={isConnectable} />
    </div>
  );
});
