// The plan's start, and the marker an edge to an unknown step ends at (so a broken draft still draws).
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { fill } from '../../i18n/fill';
import type { MissingData, StartData } from '../diagramTypes';
import { useDiagramStrings } from './DiagramStringsContext';

export const StartNode = memo(function StartNode(_props: NodeProps<Node<StartData, 'start'>>) {
  const strings = useDiagramStrings();
  return (
    <div className="diagram-start">
      <span aria-hidden="true">▶</span> {strings.start}
      <Handle type="source" id="next" position={Position.Bottom} className="diagram-inert" isConnectable={false} />
    </div>
  );
});

export const MissingNode = memo(function MissingNode({ data }: NodeProps<Node<MissingData, 'missing'>>) {
  const strings = useDiagramStrings();
  return (
    <div className="diagram-missing">
      <Handle type="target" id="in" position={Position.Top} className="diagram-inert" isConnectable={false} />
      <span aria-hidden="true">⚠</span> {fill(strings.missing, { id: data.target })}
    </div>
  );
});
