// What every step shows: its kind (and start and diff marks, in words and symbols, never colour alone), its title,
// and its role and clock, or its outcome.
import { ClockIcon } from '../../components/ClockIcon';
import { fill } from '../../i18n/fill';
import { MARK_SYMBOLS, type StepData } from '../diagramTypes';
import { useDiagramStrings } from './DiagramStringsContext';

const KIND_SYMBOLS: Readonly<Record<StepData['kind'], string>> = {
  action: '▭',
  decision: '◇',
  parallel: '‖',
  end: '■',
  trackEnd: '■',
};

export function StepBody({ data }: { data: StepData }) {
  const strings = useDiagramStrings();
  return (
    <>
      <div className="diagram-kind">
        <span aria-hidden="true">{KIND_SYMBOLS[data.kind]}</span> {strings.kinds[data.kind]}
        {data.start && <span className="diagram-badge diagram-badge-start">▶ {strings.startStep}</span>}
        {data.mark && (
          <span className={`diagram-badge diagram-badge-${data.mark}`}>
            {MARK_SYMBOLS[data.mark]} {strings.marks[data.mark]}
          </span>
        )}
      </div>
      <div className={`diagram-title lines-${data.titleLines}`} title={data.title}>
        {data.title}
      </div>
      {(data.role !== undefined || data.targetSeconds !== undefined || data.outcome !== undefined) && (
        <div className="diagram-meta">
          {data.role !== undefined && <span className="diagram-role">{data.role}</span>}
          {data.targetSeconds !== undefined && (
            <span className="diagram-clock">
              <ClockIcon />
              {fill(strings.target, { seconds: data.targetSeconds })}
            </span>
          )}
          {data.outcome !== undefined && <span>{fill(strings.outcome, { outcome: data.outcome })}</span>}
        </div>
      )}
    </>
  );
}
