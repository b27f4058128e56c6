// A decision: a six-sided shape (drawn, so its outline follows the slanted sides), one handle per option.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { GEOMETRY } from '../geometry';
import type { StepNode } from '../diagramTypes';
import { SourceHandles, TargetHandle } from './handles';
import { StepBody } from './StepBody';

export const DecisionNode = memo(function DecisionNode({ data, width, height, isConnectable }: NodeProps<StepNode>) {
  const w = width ?? GEOMETRY.stepWidth;
  const h = height ?? 0;
  const inset = GEOMETRY.decisionInset;
  const points = `${inset},1 ${w - inset},1 ${w - 1},${h / 2} ${w - inset},${h - 1} ${inset},${h - 1} 1,${h / 2}`;
  return (
    <div className={`diagram-step diagram-decision${data.mark ? ' diagram-marked' : ''}`} data-step={data.stepId}>
      <svg className="diagram-decision-shape" width={w} height={h} aria-hidden="true" focusable="false">
        <polygon points={points} />
      </svg>
      <TargetHandle connectable={isConnectable} />
      <StepBody data={data} />
      <SourceHandles handles={data.handles} connectable={isConnectable} />
    </div>
  );
});
