// The problems a run's record shows, in words: for the run detail and the printed report alike.
import { useTranslation } from 'react-i18next';
import { pick } from '../../../shared/plan/labels';
import type { Plan } from '../../../shared/plan/schema';
import { indexSteps } from '../../../shared/plan/stepIndex';
import type { Problem } from '../../../shared/run/runViewSchema';
import { useLanguage } from '../components/useLanguage';
import { formatDuration } from '../run/time';
import { formatTimeOfDay } from './recordTime';

export function ProblemList({ plan, problems }: { plan: Plan; problems: Problem[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const index = indexSteps(plan);
  const title = (id: string) => pick(index.get(id)?.step.title, lang) || id;
  const item = (stepId: string, itemId: string) => {
    const step = index.get(stepId)?.step;
    const found = step?.kind === 'action' ? step.checklist?.find((i) => i.id === itemId) : undefined;
    return pick(found?.text, lang) || itemId;
  };
  if (problems.length === 0) return <p className="problems-none">{t('records.problems.none')}</p>;
  return (
    <ol className="problems">
      {problems.map((p, i) => (
        <li key={i} className={`problem problem-${p.kind}`}>
          <time dateTime={p.at}>{formatTimeOfDay(p.at)}</time>{' '}
          {p.kind === 'overdue' &&
            t('records.problems.overdue', {
              step: title(p.step),
              time: formatDuration(p.seconds),
              target: formatDuration(p.targetSeconds),
              over: formatDuration(p.seconds - p.targetSeconds),
            })}
          {p.kind === 'timeout' &&
            t('records.problems.timeout', {
              step: title(p.step),
              seconds: p.seconds,
              next: p.next ? title(p.next) : '—',
            })}
          {p.kind === 'aborted' && t('records.problems.aborted', { reason: p.reason })}
          {p.kind === 'skipped' &&
            t('records.problems.skipped', {
              step: title(p.step),
              items: p.items.map((id) => item(p.step, id)).join(lang === 'en' ? '; ' : '；'),
            })}
          {p.kind === 'recovered' && t('records.problems.recovered', { bytes: p.bytes })}
          {p.kind === 'note' && (
            <>
              {p.step ? t('records.problems.noteAtStep', { step: title(p.step) }) : t('records.problems.note')}
              <span className="problem-note">{p.text}</span>
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
