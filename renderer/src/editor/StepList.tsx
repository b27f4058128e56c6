// The steps in order, tracks' steps under their parallel step: each a button that selects it. The order within a
// scope changes by drag and drop or with Alt+↑ / Alt+↓ on the selected step (a step never leaves its scope).
import { useRef, type DragEvent, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../shared/plan/findings';
import { pick } from '../../../shared/plan/labels';
import type { Plan } from '../../../shared/plan/schema';
import type { Language } from '../../../shared/plan/vocabulary';
import { useLanguage } from '../components/useLanguage';
import { addStepEdit, locateStep, type StepKind } from './editorModel';
import { useEditor } from './editorContext';
import { stepField, stepListItem } from './fieldIds';
import { stepKindKey } from './StepForm';
import type { StepLocation } from './stepLocation';

const KINDS: readonly StepKind[] = ['action', 'decision', 'parallel', 'end'];

interface Dragged {
  stepId: string;
  scope: string;
}

export function StepList({ selected, findings }: { selected: string | undefined; findings: readonly Finding[] }) {
  const { t } = useTranslation();
  const { plan, edit, readOnly, select, focusLater } = useEditor();
  const dragged = useRef<Dragged | null>(null);
  const errors = new Map<string, number>();
  for (const f of findings) {
    if (f.severity === 'error' && f.stepId !== undefined) errors.set(f.stepId, (errors.get(f.stepId) ?? 0) + 1);
  }
  const selectedLocation = selected === undefined ? undefined : locateStep(plan, selected);

  const onKeyDown = (event: KeyboardEvent) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    if (!selectedLocation || readOnly) return;
    event.preventDefault();
    edit({ type: 'step.move', stepId: selectedLocation.step.id, to: event.key === 'ArrowUp' ? 'up' : 'down' });
    // The moved button may be taken out and put back by React, which drops its focus: give it back.
    focusLater(stepListItem(selectedLocation.step.id));
  };

  const add = (kind: StepKind) => {
    const added = addStepEdit(plan, kind, selectedLocation ? { after: selectedLocation.step.id } : {});
    edit(added);
    select(added.id, stepField(added.id, 'title', 'zh-CN'));
  };

  // The list's labels, looked up once per render rather than once per step (a translation call is not cheap).
  const lang = useLanguage();
  const startLabel = t('editor.list.start');
  const kindLabels = new Map<string, string>();
  const labels = (location: StepLocation): ItemLabels => {
    const key = stepKindKey(location);
    let kind = kindLabels.get(key);
    if (kind === undefined) kindLabels.set(key, (kind = t(`editor.kinds.${key}`)));
    return { kind, start: startLabel, errors: (count) => t('editor.list.errors', { count }), lang };
  };
  const item = (location: StepLocation, scope: string, children?: ReactNode) => (
    <StepItem
      key={`${location.index}-${location.step.id}`}
      location={location}
      labels={labels(location)}
      scope={scope}
      selected={selected === location.step.id}
      isStart={location.track ? location.track.track.start === location.step.id : plan.start === location.step.id}
      errors={errors.get(location.step.id) ?? 0}
      dragged={dragged}
    >
      {children}
    </StepItem>
  );

  return (
    <nav className="editor-steps" aria-labelledby="step-list-title" onKeyDown={onKeyDown}>
      <h2 id="step-list-title" className="visually-hidden">
        {t('editor.list.label')}
      </h2>
      <button
        type="button"
        id="ed-list-plan"
        className="ed-step-item ed-step-item-plan"
        aria-current={selected === undefined ? 'true' : undefined}
        onClick={() => select(undefined)}
      >
        {t('editor.list.plan')}
      </button>
      <p className="ed-hint" id="step-list-hint">
        {t('editor.list.hint')}
      </p>
      <ol className="ed-step-tree">
        {plan.steps.map((step, i) =>
          item(
            { step, index: i, siblings: plan.steps, path: `steps[${i}]` },
            'top',
            step.kind === 'parallel' && <Tracks plan={plan} parallelIndex={i} item={item} />,
          ),
        )}
      </ol>
      <div className="ed-add-step" role="group" aria-labelledby="add-step-label">
        <span id="add-step-label">{t(selectedLocation ? 'editor.list.addAfter' : 'editor.list.addAtEnd')}</span>
        {KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            disabled={readOnly || (kind === 'parallel' && selectedLocation?.track !== undefined)}
            onClick={() => add(kind)}
          >
            + {t(`editor.kinds.${kind === 'end' && selectedLocation?.track ? 'trackEnd' : kind}`)}
          </button>
        ))}
      </div>
    </nav>
  );
}

function Tracks({
  plan,
  parallelIndex,
  item,
}: {
  plan: Plan;
  parallelIndex: number;
  item: (location: StepLocation, scope: string) => ReactNode;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const parallel = plan.steps[parallelIndex];
  if (parallel?.kind !== 'parallel') return null;
  return (
    <ol className="ed-step-tracks">
      {parallel.tracks.map((track, t0) => {
        const role = plan.roles.find((r) => r.id === track.role);
        return (
          <li key={t0} className="ed-step-track">
            <span className="ed-step-track-label">
              {t('editor.list.track', { role: pick(role?.title, lang) || track.role })}
            </span>
            <ol>
              {track.steps.map((step, j) =>
                item(
                  {
                    step,
                    index: j,
                    siblings: track.steps,
                    track: { parallel, index: t0, track },
                    path: `steps[${parallelIndex}].tracks[${t0}].steps[${j}]`,
                  },
                  `${parallel.id}/${t0}`,
                ),
              )}
            </ol>
          </li>
        );
      })}
    </ol>
  );
}

interface ItemLabels {
  kind: string;
  start: string;
  errors: (count: number) => string;
  lang: Language;
}

function StepItem({
  location,
  labels,
  scope,
  selected,
  isStart,
  errors,
  dragged,
  children,
}: {
  location: StepLocation;
  labels: ItemLabels;
  scope: string;
  selected: boolean;
  isStart: boolean;
  errors: number;
  dragged: RefObject<Dragged | null>;
  children?: ReactNode;
}) {
  const { edit, readOnly, select } = useEditor();
  const { step } = location;
  const sameScope = (event: DragEvent) => {
    if (dragged.current?.scope !== scope) return false;
    event.preventDefault();
    event.stopPropagation();
    return true;
  };
  return (
    <li
      className="ed-step-entry"
      onDragOver={(event) => {
        if (sameScope(event)) event.dataTransfer.dropEffect = 'move';
      }}
      onDrop={(event) => {
        if (!sameScope(event)) return;
        const from = dragged.current!.stepId;
        dragged.current = null;
        if (from !== step.id) edit({ type: 'step.move', stepId: from, to: location.index });
        select(from);
      }}
    >
      <button
        type="button"
        id={stepListItem(step.id)}
        className={`ed-step-item kind-${step.kind}`}
        aria-current={selected ? 'true' : undefined}
        aria-describedby="step-list-hint"
        draggable={!readOnly}
        onDragStart={(event) => {
          event.stopPropagation();
          dragged.current = { stepId: step.id, scope };
          event.dataTransfer.effectAllowed = 'move';
          event.dataTransfer.setData('text/plain', step.id);
        }}
        onDragEnd={() => (dragged.current = null)}
        onClick={() => select(step.id)}
      >
        <span className="ed-step-kind">{labels.kind}</span>
        <span className="ed-step-title">{pick(step.title, labels.lang) || <code>{step.id}</code>}</span>
        {isStart && <span className="badge badge-start">{labels.start}</span>}
        {errors > 0 && <span className="badge badge-error">{labels.errors(errors)}</span>}
      </button>
      {children}
    </li>
  );
}
