// The close-out of a live incident on the run's end screen (事件后续情况): each section an explicit "none" or
// what happened, times as local HH:mm of the run's day. Checked here with the same schema and time rules the
// backend applies (shared/run/closeOut.ts), saved as the `closeOut` command, and correctable until sign-off.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CLOSE_OUT_LIMITS,
  CLOSE_OUT_SECTION_LABELS,
  CLOSE_OUT_SECTIONS,
  closeOutSchemaProblems,
  closeOutTimeProblems,
  localHhmmOf,
  localTimeOnDay,
  type CloseOut,
  type CloseOutProblem,
  type CloseOutSection,
} from '../../../shared/run/closeOut';
import type { Text } from '../../../shared/text';
import type { RunView } from '../../../shared/run/runViewSchema';
import { useLanguage } from '../components/useLanguage';
import { formatDateTime } from '../records/recordTime';
import { actorText } from './actor';
import { CommandError } from './RunBanners';
import type { RunHandle } from './useRun';
import '../styles/closeOut.css';

const CLOSE_OUT = 'closeOut';

type Choice = '' | 'none' | 'some';
interface ReportDraft {
  to: string;
  at: string;
  how: string;
}
interface Draft {
  losses: { choice: Choice; text: string; amount: string };
  casualties: { choice: Choice; injured: string; dead: string; text: string };
  police: { choice: Choice; calledAt: string; arrivedAt: string; receiptNo: string; text: string };
  reports: { choice: Choice; entries: ReportDraft[] };
  followUp: { choice: Choice; text: string };
}

const EMPTY_REPORT: ReportDraft = { to: '', at: '', how: '' };
const choiceOf = (section: { none: boolean }): Choice => (section.none ? 'none' : 'some');

/** The form's fields from a saved close-out (to correct it), or empty. */
function draftOf(saved: CloseOut | undefined): Draft {
  const c = saved;
  return {
    losses: {
      choice: c ? choiceOf(c.losses) : '',
      text: c && !c.losses.none ? c.losses.text : '',
      amount: c && !c.losses.none && c.losses.amountYuan !== undefined ? String(c.losses.amountYuan) : '',
    },
    casualties: {
      choice: c ? choiceOf(c.casualties) : '',
      injured: c && !c.casualties.none ? String(c.casualties.injured) : '0',
      dead: c && !c.casualties.none ? String(c.casualties.dead) : '0',
      text: c && !c.casualties.none ? (c.casualties.text ?? '') : '',
    },
    police: {
      choice: c ? choiceOf(c.police) : '',
      calledAt: c && !c.police.none ? localHhmmOf(c.police.calledAt) : '',
      arrivedAt: c && !c.police.none && c.police.arrivedAt ? localHhmmOf(c.police.arrivedAt) : '',
      receiptNo: c && !c.police.none ? (c.police.receiptNo ?? '') : '',
      text: c && !c.police.none ? (c.police.text ?? '') : '',
    },
    reports: {
      choice: c ? choiceOf(c.reports) : '',
      entries:
        c && !c.reports.none
          ? c.reports.entries.map((e) => ({ to: e.to, at: localHhmmOf(e.at), how: e.how }))
          : [EMPTY_REPORT],
    },
    followUp: { choice: c ? choiceOf(c.followUp) : '', text: c && !c.followUp.none ? c.followUp.text : '' },
  };
}

/**
 * The close-out the draft stands for, or what is wrong with it: unchosen sections, times that are not HH:mm,
 * then the shared schema and time rules. An optional field left empty is left out, never sent as "".
 */
function closeOutOf(draft: Draft, startedAt: string, now: Date): { closeOut?: CloseOut; problems: Text[] } {
  const missing = CLOSE_OUT_SECTIONS.filter((s) => draft[s].choice === '');
  if (missing.length > 0) {
    const names = (lang: 'zh-CN' | 'en') => missing.map((s) => CLOSE_OUT_SECTION_LABELS[s][lang]);
    return {
      problems: [
        { 'zh-CN': `还需选择：${names('zh-CN').join('、')}`, en: `Still to choose: ${names('en').join(', ')}` },
      ],
    };
  }
  const badTimes: Text[] = [];
  const time = (hhmm: string, label: Text): string => {
    const iso = localTimeOnDay(hhmm, startedAt);
    if (!iso) badTimes.push({ 'zh-CN': `${label['zh-CN']}：请按“时:分”填写`, en: `${label.en}: enter HH:mm` });
    return iso ?? hhmm;
  };
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  const { losses, casualties, police, reports, followUp } = draft;
  const value = {
    losses:
      losses.choice === 'none'
        ? { none: true }
        : {
            none: false,
            text: losses.text,
            ...(optional(losses.amount) ? { amountYuan: Number(losses.amount.trim()) } : {}),
          },
    casualties:
      casualties.choice === 'none'
        ? { none: true }
        : {
            none: false,
            injured: Number(casualties.injured || 0),
            dead: Number(casualties.dead || 0),
            ...(optional(casualties.text) ? { text: casualties.text.trim() } : {}),
          },
    police:
      police.choice === 'none'
        ? { none: true }
        : {
            none: false,
            calledAt: time(police.calledAt, { 'zh-CN': '报警时间', en: 'Called at' }),
            ...(optional(police.arrivedAt)
              ? { arrivedAt: time(police.arrivedAt, { 'zh-CN': '出警到达时间', en: 'Arrived at' }) }
              : {}),
            ...(optional(police.receiptNo) ? { receiptNo: police.receiptNo.trim() } : {}),
            ...(optional(police.text) ? { text: police.text.trim() } : {}),
          },
    reports:
      reports.choice === 'none'
        ? { none: true }
        : {
            none: false,
            entries: reports.entries.map((e, i) => ({
              to: e.to,
              at: time(e.at, { 'zh-CN': `第 ${i + 1} 条上报的时间`, en: `The time of report ${i + 1}` }),
              how: e.how,
            })),
          },
    followUp: followUp.choice === 'none' ? { none: true } : { none: false, text: followUp.text },
  };
  if (badTimes.length > 0) return { problems: badTimes };
  const schema = closeOutSchemaProblems(value);
  if (schema.length > 0) return { problems: schema.map((p: CloseOutProblem) => p.message) };
  const closeOut = value as CloseOut;
  const times = closeOutTimeProblems(closeOut, startedAt, now);
  return times.length > 0 ? { problems: times.map((p) => p.message) } : { closeOut, problems: [] };
}

export function CloseOutForm({ view, run }: { view: RunView; run: RunHandle }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const saved = view.closeOut;
  const [editing, setEditing] = useState(!saved);
  const [draft, setDraft] = useState<Draft>(() => draftOf(saved));
  const [problems, setProblems] = useState<Text[]>([]);
  const [failed, setFailed] = useState(false);
  const busy = run.pending.has(CLOSE_OUT);
  const set = <S extends CloseOutSection>(section: S, patch: Partial<Draft[S]>) =>
    setDraft((d) => ({ ...d, [section]: { ...d[section], ...patch } }));

  if (saved && !editing) {
    return (
      <section className="close-out close-out-saved" aria-labelledby="close-out-title">
        <h2 id="close-out-title">{t('closeOut.title')}</h2>
        <p className="close-out-status">
          ✓ {t('closeOut.saved', { time: formatDateTime(saved.at, false), by: actorText(saved.by, t) })}
        </p>
        {view.status === 'ended' && (
          <button
            type="button"
            onClick={() => {
              setDraft(draftOf(saved));
              setEditing(true);
            }}
          >
            {t('closeOut.edit')}
          </button>
        )}
      </section>
    );
  }

  const section = (name: CloseOutSection, children: ReactNode) => (
    <fieldset className="close-out-section" key={name}>
      <legend>{CLOSE_OUT_SECTION_LABELS[name][lang]}</legend>
      <div className="close-out-choices">
        {(['none', 'some'] as const).map((choice) => (
          <label key={choice} className="close-out-choice">
            <input
              type="radio"
              name={`close-out-${name}`}
              checked={draft[name].choice === choice}
              onChange={() => set(name, { choice } as Partial<Draft[typeof name]>)}
            />
            {t(`closeOut.${name}.${choice}`)}
          </label>
        ))}
      </div>
      {draft[name].choice === 'some' && <div className="close-out-fields">{children}</div>}
    </fieldset>
  );
  const textField = (label: string, value: string, onChange: (v: string) => void, max: number, rows = 2) => (
    <label className="stacked-field">
      <span>{label}</span>
      <textarea value={value} rows={rows} maxLength={max} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
  const input = (label: string, value: string, onChange: (v: string) => void, props: object = {}) => (
    <label className="stacked-field">
      <span>{label}</span>
      <input value={value} onChange={(e) => onChange(e.target.value)} {...props} />
    </label>
  );
  const time = (label: string, value: string, onChange: (v: string) => void) =>
    input(label, value, onChange, { type: 'time', step: 60 });
  const count = { type: 'number', min: 0, max: CLOSE_OUT_LIMITS.people, step: 1, inputMode: 'numeric' };

  return (
    <form
      className="sign-off close-out"
      aria-labelledby="close-out-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const result = closeOutOf(draft, view.startedAt, new Date());
        setProblems(result.problems);
        if (!result.closeOut) return;
        void run.send(CLOSE_OUT, { type: 'closeOut', closeOut: result.closeOut }).then((ok) => {
          setFailed(!ok);
          if (ok) setEditing(false);
        });
      }}
    >
      <h2 id="close-out-title">{t('closeOut.title')}</h2>
      <p>{t('closeOut.hint')}</p>
      <p className="muted small">{t('closeOut.timeHint')}</p>
      {section(
        'losses',
        <>
          {textField(
            t('closeOut.losses.text'),
            draft.losses.text,
            (text) => set('losses', { text }),
            CLOSE_OUT_LIMITS.text,
          )}
          {input(t('closeOut.losses.amount'), draft.losses.amount, (amount) => set('losses', { amount }), {
            type: 'number',
            min: 0,
            step: 0.01,
            inputMode: 'decimal',
          })}
        </>,
      )}
      {section(
        'casualties',
        <>
          <div className="close-out-row">
            {input(
              t('closeOut.casualties.injured'),
              draft.casualties.injured,
              (injured) => set('casualties', { injured }),
              count,
            )}
            {input(t('closeOut.casualties.dead'), draft.casualties.dead, (dead) => set('casualties', { dead }), count)}
          </div>
          {textField(
            t('closeOut.casualties.text'),
            draft.casualties.text,
            (text) => set('casualties', { text }),
            CLOSE_OUT_LIMITS.text,
          )}
        </>,
      )}
      {section(
        'police',
        <>
          <div className="close-out-row">
            {time(t('closeOut.police.calledAt'), draft.police.calledAt, (calledAt) => set('police', { calledAt }))}
            {time(t('closeOut.police.arrivedAt'), draft.police.arrivedAt, (arrivedAt) => set('police', { arrivedAt }))}
          </div>
          {input(t('closeOut.police.receiptNo'), draft.police.receiptNo, (receiptNo) => set('police', { receiptNo }), {
            maxLength: CLOSE_OUT_LIMITS.receiptNo,
          })}
          {textField(
            t('closeOut.police.text'),
            draft.police.text,
            (text) => set('police', { text }),
            CLOSE_OUT_LIMITS.text,
          )}
        </>,
      )}
      {section(
        'reports',
        <>
          {draft.reports.entries.map((entry, i) => {
            const change = (patch: Partial<ReportDraft>) =>
              set('reports', { entries: draft.reports.entries.map((e, j) => (j === i ? { ...e, ...patch } : e)) });
            return (
              <div
                className="close-out-report"
                role="group"
                aria-label={t('closeOut.reports.entry', { n: i + 1 })}
                key={i}
              >
                {input(t('closeOut.reports.to'), entry.to, (to) => change({ to }), {
                  maxLength: CLOSE_OUT_LIMITS.reportTo,
                })}
                {time(t('closeOut.reports.at'), entry.at, (at) => change({ at }))}
                {input(t('closeOut.reports.how'), entry.how, (how) => change({ how }), {
                  maxLength: CLOSE_OUT_LIMITS.reportHow,
                })}
                {draft.reports.entries.length > 1 && (
                  <button
                    type="button"
                    onClick={() => set('reports', { entries: draft.reports.entries.filter((_, j) => j !== i) })}
                  >
                    {t('closeOut.reports.remove', { n: i + 1 })}
                  </button>
                )}
              </div>
            );
          })}
          {draft.reports.entries.length < CLOSE_OUT_LIMITS.reports && (
            <button type="button" onClick={() => set('reports', { entries: [...draft.reports.entries, EMPTY_REPORT] })}>
              {t('closeOut.reports.add')}
            </button>
          )}
        </>,
      )}
      {section(
        'followUp',
        textField(
          t('closeOut.followUp.text'),
          draft.followUp.text,
          (text) => set('followUp', { text }),
          CLOSE_OUT_LIMITS.text,
          3,
        ),
      )}
      {problems.length > 0 && (
        <div role="alert" className="notice notice-error">
          <ul className="close-out-problems">
            {problems.map((p, k) => (
              <li key={k}>{p[lang]}</li>
            ))}
          </ul>
        </div>
      )}
      {failed && <CommandError run={run} />}
      <div className="dialog-actions">
        <button type="submit" className="primary big" disabled={busy} aria-busy={busy || undefined}>
          {busy ? t('run.pending') : t('closeOut.save')}
        </button>
        {saved && (
          <button type="button" onClick={() => setEditing(false)}>
            {t('closeOut.cancelEdit')}
          </button>
        )}
      </div>
    </form>
  );
}
