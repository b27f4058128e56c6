// The tracks of a parallel step: each role's own sequence, its start and its steps (selected to be edited like any
// other step), with steps added at a track's end and tracks added or removed.
import { useTranslation } from 'react-i18next';
import { pick } from '../../../shared/plan/labels';
import type { ParallelStep } from '../../../shared/plan/schema';
import { useLanguage } from '../components/useLanguage';
import { addStepEdit, type StepKind } from './editorModel';
import { useEditor } from './editorContext';
import { stepField } from './fieldIds';
import { TargetSelect } from './inputs';

const TRACK_KINDS: readonly StepKind[] = ['action', 'decision', 'end'];

export function TracksEditor({ step }: { step: ParallelStep }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { plan, edit, select, focusLater } = useEditor();
  return (
    <section className="editor-section" aria-labelledby={stepField(step.id, 'tracks-title')}>
      <h3 id={stepField(step.id, 'tracks-title')}>{t('editor.tracks.heading')}</h3>
      <ol className="ed-part-list">
        {step.tracks.map((track, i) => {
          const ref = { parallelId: step.id, track: i };
          const roleKnown = plan.roles.some((r) => r.id === track.role);
          return (
            <li key={i} className="ed-part">
              <h4>{t('editor.tracks.item', { n: i + 1 })}</h4>
              <div className="ed-row">
                <div className="ed-field">
                  <label htmlFor={stepField(step.id, 'track', i, 'role')}>{t('editor.tracks.role')}</label>
                  <select
                    id={stepField(step.id, 'track', i, 'role')}
                    value={track.role}
                    aria-invalid={roleKnown ? undefined : true}
                    onChange={(e) => edit({ type: 'track.setRole', track: ref, role: e.target.value })}
                  >
                    {!roleKnown && (
                      <option value={track.role}>{t('editor.step.missingTarget', { id: track.role })}</option>
                    )}
                    {plan.roles.map((r, j) => (
                      <option key={`${j}-${r.id}`} value={r.id}>
                        {pick(r.title, lang) || r.id}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="ed-field">
                  <label htmlFor={stepField(step.id, 'track', i, 'start')}>{t('editor.tracks.start')}</label>
                  <TargetSelect
                    id={stepField(step.id, 'track', i, 'start')}
                    value={track.start}
                    scope={track.steps}
                    onValue={(start) => edit({ type: 'track.setStart', track: ref, start })}
                  />
                </div>
              </div>
              <ul className="ed-track-steps" aria-label={t('editor.tracks.steps')}>
                {track.steps.map((inner, j) => (
                  <li key={`${j}-${inner.id}`}>
                    <button type="button" className="ed-link-button" onClick={() => select(inner.id)}>
                      {pick(inner.title, lang) || inner.id}
                    </button>
                  </li>
                ))}
              </ul>
              <div className="ed-part-actions" role="group" aria-label={t('editor.tracks.addStep')}>
                <span aria-hidden="true">{t('editor.tracks.addStep')}</span>
                {TRACK_KINDS.map((kind) => (
                  <button
                    key={kind}
                    type="button"
                    onClick={() => {
                      const add = addStepEdit(plan, kind, { track: ref });
                      edit(add);
                      select(add.id, stepField(add.id, 'title', 'zh-CN'));
                    }}
                  >
                    + {t(`editor.kinds.${kind === 'end' ? 'trackEnd' : kind}`)}
                  </button>
                ))}
                <button
                  type="button"
                  className="danger-outline"
                  onClick={() => {
                    edit({ type: 'track.remove', track: ref });
                    focusLater(stepField(step.id, 'add-track'));
                  }}
                >
                  {t('editor.tracks.remove', { n: i + 1 })}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        id={stepField(step.id, 'add-track')}
        onClick={() => edit({ type: 'track.add', parallelId: step.id })}
      >
        {t('editor.tracks.add')}
      </button>
    </section>
  );
}
