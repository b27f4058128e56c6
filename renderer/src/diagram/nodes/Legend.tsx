// The key to the diagram's marks: start, timeouts (dashed), and the diff marks in use, each with its symbol and word.
import { MARK_SYMBOLS, type DiagramHighlight, type EdgeMark, type StepMark } from '../diagramTypes';
import { useDiagramStrings } from './DiagramStringsContext';

const STEP_MARKS: readonly StepMark[] = ['added', 'removed', 'changed', 'moved', 'renamed'];
const EDGE_MARKS: readonly EdgeMark[] = ['added', 'removed'];

export function Legend({ highlight }: { highlight: DiagramHighlight | undefined }) {
  const strings = useDiagramStrings();
  const stepMarks = new Set(Object.values(highlight?.steps ?? {}));
  const edgeMarks = new Set(Object.values(highlight?.edges ?? {}));
  return (
    <ul className="diagram-legend" aria-label={strings.legend}>
      <li>
        <span className="diagram-legend-start">▶ {strings.start}</span>
      </li>
      <li>
        <svg className="diagram-legend-line edge-timeout" width="32" height="10" aria-hidden="true" focusable="false">
          <path d="M0 5H32" />
        </svg>
        {strings.dashed}
      </li>
      {STEP_MARKS.filter((m) => stepMarks.has(m)).map((m) => (
        <li key={m}>
          <span className={`diagram-badge diagram-badge-${m}`}>
            {MARK_SYMBOLS[m]} {strings.marks[m]}
          </span>
        </li>
      ))}
      {EDGE_MARKS.filter((m) => edgeMarks.has(m)).map((m) => (
        <li key={`edge-${m}`}>
          <svg className={`diagram-legend-line edge-${m}`} width="32" height="10" aria-hidden="true" focusable="false">
            <path d="M0 5H32" />
          </svg>
          {MARK_SYMBOLS[m]} {strings.edgeMarks[m]}
        </li>
      ))}
    </ul>
  );
}
