// The branch's training record per person: role, the drills they took part in (with their role in the plan), their
// self-study quizzes, and the plans they have not studied at the current version (StudyGaps).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrainingRecords } from '../../../shared/drills/trainingView';
import { ROLES, type Role } from '../../../shared/people/roles';
import { formatLocalDate } from '../../../shared/time/localTime';
import { usePlans } from '../app/PlansContext';
import { hrefFor } from '../app/router';
import { displayTimeZone } from '../components/displayTimeZone';
import { useLanguage } from '../components/useLanguage';
import { roleLabel } from '../people/labels';
import { formatDateTime } from '../records/recordTime';
import { StudyGaps } from './StudyGaps';
import { usePlanRoles } from './usePlanRoles';

type Person = TrainingRecords['people'][number];
type Gap = TrainingRecords['gaps'][number];

/** The first few shown at once (newest first); the rest behind a disclosure, so a long record keeps the table readable. */
const SHOWN = 5;

const isRole = (role: string): role is Role => (ROLES as readonly string[]).includes(role);

export function PeopleRecords({ records }: { records: TrainingRecords }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const plans = usePlans();
  const roleTitle = usePlanRoles(records.people.flatMap((p) => p.drills.map((d) => d.planId)));
  if (records.people.length === 0) return <p className="muted">{t('coverage.people.none')}</p>;
  const planTitle = (planId: string) => plans.find((p) => p.id === planId)?.title[lang] ?? planId;
  const gapsOf = new Map<string, Gap[]>();
  for (const gap of records.gaps) {
    const held = gapsOf.get(gap.person.userId);
    if (held) held.push(gap);
    else gapsOf.set(gap.person.userId, [gap]);
  }
  const zone = displayTimeZone();
  return (
    <table className="training-table people-records">
      <caption className="visually-hidden">{t('coverage.people.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('coverage.people.columns.person')}</th>
          <th scope="col">{t('coverage.people.columns.role')}</th>
          <th scope="col">{t('coverage.people.columns.drills')}</th>
          <th scope="col">{t('coverage.people.columns.quizzes')}</th>
          <th scope="col">{t('coverage.people.columns.gaps')}</th>
        </tr>
      </thead>
      <tbody>
        {records.people.map((person: Person) => {
          const gaps = gapsOf.get(person.person.userId) ?? [];
          return (
            <tr key={person.person.userId} data-person={person.person.userId}>
              <th scope="row">{person.person.name}</th>
              <td>{isRole(person.role) ? roleLabel(person.role, lang) : person.role}</td>
              <td className="person-drills">
                <Clipped
                  items={[...person.drills].sort((a, b) => b.scheduledAt.localeCompare(a.scheduledAt))}
                  empty={t('coverage.people.noDrills')}
                  render={(drill) => (
                    <li key={drill.exerciseId} data-exercise={drill.exerciseId}>
                      <a href={hrefFor({ screen: 'drills', exerciseId: drill.exerciseId })}>{drill.title}</a>
                      <span className="small">
                        <time dateTime={drill.scheduledAt}>{formatLocalDate(drill.scheduledAt, zone)}</time>{' '}
                        {t('coverage.people.drillRole', {
                          plan: planTitle(drill.planId),
                          role: roleTitle(drill.planId, drill.role, lang),
                        })}{' '}
                        <span className="person-drill-status">
                          {t(`coverage.exercise.${drill.status}`, { defaultValue: drill.status })}
                        </span>
                        {drill.shareMet !== undefined && (
                          <span className="person-drill-met">
                            {' '}
                            · {t('coverage.people.shareMet', { share: Math.round(drill.shareMet * 100) })}
                          </span>
                        )}
                      </span>
                      {drill.runId && (
                        <a className="small" href={hrefFor({ screen: 'records', runId: drill.runId })}>
                          {t('coverage.people.record')}
                        </a>
                      )}
                    </li>
                  )}
                />
                {person.lastByPlan.length > 0 && (
                  <p className="small person-last-by-plan">
                    {t('coverage.people.lastByPlan', {
                      list: person.lastByPlan
                        .map((last) => `${planTitle(last.planId)} ${formatLocalDate(last.at, zone)}`)
                        .join(lang === 'en' ? '; ' : '；'),
                    })}
                  </p>
                )}
              </td>
              <td className="person-quizzes">
                <Clipped
                  items={[...person.quizzes].sort((a, b) => b.at.localeCompare(a.at))}
                  empty={t('coverage.people.noQuizzes')}
                  render={(quiz) => (
                    <li key={quiz.at} className="person-quiz">
                      <time dateTime={quiz.at}>{formatDateTime(quiz.at, false)}</time>{' '}
                      <span
                        className="quiz-score"
                        aria-label={t('coverage.people.scoreLabel', { correct: quiz.correct, total: quiz.total })}
                      >
                        {t('coverage.people.score', { correct: quiz.correct, total: quiz.total })}
                      </span>{' '}
                      <span className="small muted">
                        {quiz.plans.map((p) => planTitle(p.planId)).join(lang === 'en' ? ', ' : '、')}
                      </span>
                    </li>
                  )}
                />
              </td>
              <td className="person-gaps">
                <StudyGaps gaps={gaps} planTitle={planTitle} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Clipped<T>({ items, empty, render }: { items: T[]; empty: string; render: (item: T) => ReactNode }) {
  const { t } = useTranslation();
  if (items.length === 0) return <span className="muted">{empty}</span>;
  const rest = items.slice(SHOWN);
  return (
    <>
      <ul>{items.slice(0, SHOWN).map(render)}</ul>
      {rest.length > 0 && (
        <details>
          <summary>{t('coverage.people.more', { count: rest.length })}</summary>
          <ul>{rest.map(render)}</ul>
        </details>
      )}
    </>
  );
}
